/**
 * Transaction origins the server uses on its own documents. Any other origin is the connection an update
 * came from, which is how observers tell a client's change from the server's.
 */
export const SERVER_WRITE = Symbol('switchboard-sync: server write');
export const STORED_LOAD = Symbol('switchboard-sync: load from store');

export function isClientOrigin(origin: unknown): boolean {
  return origin !== SERVER_WRITE && origin !== STORED_LOAD;
}
