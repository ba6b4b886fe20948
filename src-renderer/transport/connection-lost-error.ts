/**
 * A request that was sent but never answered because the socket dropped. Whether main applied it is
 * unknown, so callers must not resend it blindly; only idempotent requests (notes.add) may retry.
 */
export class ConnectionLostError extends Error {
  constructor(requestName: string) {
    super(`Connection lost before "${requestName}" was answered; it may or may not have been applied.`);
    this.name = 'ConnectionLostError';
  }
}
