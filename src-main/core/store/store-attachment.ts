import type Database from 'better-sqlite3';

/**
 * A service tied to one open store, found from the store by whoever writes to it, so writers deep
 * in the core need not be handed it one by one. A store with nothing attached gets null.
 */
export function createStoreAttachment<T extends object>() {
  const attached = new WeakMap<Database.Database, T>();
  return {
    attach(sqlite: Database.Database, service: T): () => void {
      attached.set(sqlite, service);
      return () => attached.delete(sqlite);
    },
    of: (sqlite: Database.Database): T | null => attached.get(sqlite) ?? null,
  };
}
