import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { loadMigrations, migrate } from './migrate';
import { findUp } from '../paths/find-up';

export type StoreDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface Store {
  sqlite: Database.Database;
  db: StoreDb;
  close(): void;
}

/**
 * Migrations ship beside the code: `migrations/` at the repository root in development and tests,
 * and next to the bundle in a build. SWITCHBOARD_MIGRATIONS overrides both.
 */
export function defaultMigrationsFolder(): string {
  const found = process.env.SWITCHBOARD_MIGRATIONS ?? findUp(import.meta.url, 'migrations', 'migrations/meta/_journal.json');
  if (!found) throw new Error('Switchboard cannot find its migrations folder; set SWITCHBOARD_MIGRATIONS.');
  return found;
}

export function openStore(file: string, options: { migrationsFolder?: string } = {}): Store {
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    migrate(sqlite, loadMigrations(options.migrationsFolder ?? defaultMigrationsFolder()));
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return { sqlite, db: drizzle(sqlite, { schema }), close: () => sqlite.close() };
}
