import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openMigratedDatabase } from './sqlite-schema';

export const SERVER_DB_FILE = 'server.sqlite';

export type ServerDb = Database.Database;

const MIGRATIONS = [
  [
    `CREATE TABLE workspaces (
       id TEXT PRIMARY KEY,
       created_at INTEGER NOT NULL
     )`,
    `CREATE TABLE members (
       id TEXT PRIMARY KEY,
       workspace_id TEXT NOT NULL REFERENCES workspaces (id),
       name TEXT NOT NULL,
       role TEXT NOT NULL,
       token_hash TEXT NOT NULL UNIQUE,
       created_at INTEGER NOT NULL,
       removed_at INTEGER
     )`,
    'CREATE INDEX members_by_workspace ON members (workspace_id)',
    `CREATE TABLE invites (
       code_hash TEXT PRIMARY KEY,
       workspace_id TEXT NOT NULL REFERENCES workspaces (id),
       role TEXT NOT NULL,
       created_by TEXT REFERENCES members (id),
       created_at INTEGER NOT NULL,
       redeemed_by TEXT REFERENCES members (id),
       redeemed_at INTEGER
     )`,
    `CREATE TABLE settings (
       key TEXT PRIMARY KEY,
       value TEXT NOT NULL
     )`,
  ],
] as const;

/** Workspaces, members, invites and settings: the server's own file in the data folder, never the app's. */
export function openServerDb(dataDir: string): ServerDb {
  mkdirSync(dataDir, { recursive: true });
  return openMigratedDatabase(path.join(dataDir, SERVER_DB_FILE), MIGRATIONS);
}

export function writeSetting(db: ServerDb, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function readSetting(db: ServerDb, key: string): string | null {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
  return row?.value ?? null;
}
