import type Database from 'better-sqlite3';
import type { ServerDb } from '../store/server-db';

const caches = new WeakMap<ServerDb, Map<string, Database.Statement>>();

/** A statement prepared once per database: webhooks run the same few queries thousands of times a second. */
export function prepared<P extends unknown[] = unknown[], R = unknown>(db: ServerDb, sql: string): Database.Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement as unknown as Database.Statement<P, R>;
}
