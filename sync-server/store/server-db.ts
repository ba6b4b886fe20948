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
  [
    // The credentials stay here, in the server's own file: no PC and no document ever holds them.
    `CREATE TABLE twilio_accounts (
       workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id),
       account_sid TEXT NOT NULL,
       auth_token TEXT NOT NULL,
       number TEXT NOT NULL,
       forward_to TEXT,
       price_per_segment REAL,
       updated_at INTEGER NOT NULL
     )`,
    // Every accepted webhook, stored before it is acknowledged; applied_at is set once it is in the documents.
    `CREATE TABLE twilio_events (
       id INTEGER PRIMARY KEY AUTOINCREMENT,
       workspace_id TEXT NOT NULL REFERENCES workspaces (id),
       endpoint TEXT NOT NULL,
       dedupe_key TEXT NOT NULL,
       idempotency_token TEXT,
       sid TEXT NOT NULL,
       query TEXT NOT NULL,
       params TEXT NOT NULL,
       received_at INTEGER NOT NULL,
       applied_at INTEGER,
       outcome TEXT
     )`,
    'CREATE UNIQUE INDEX twilio_events_dedupe ON twilio_events (workspace_id, dedupe_key)',
    'CREATE UNIQUE INDEX twilio_events_token ON twilio_events (workspace_id, idempotency_token) WHERE idempotency_token IS NOT NULL',
    'CREATE INDEX twilio_events_pending ON twilio_events (workspace_id, sid) WHERE applied_at IS NULL',
    // Which timeline entry (and outbox item) a Twilio MessageSid shows as, for status callbacks.
    `CREATE TABLE twilio_messages (
       workspace_id TEXT NOT NULL REFERENCES workspaces (id),
       message_sid TEXT NOT NULL,
       entry_id TEXT NOT NULL,
       month TEXT NOT NULL,
       outbox_item_id TEXT,
       PRIMARY KEY (workspace_id, message_sid)
     )`,
    `CREATE TABLE blobs (
       sha256 TEXT PRIMARY KEY,
       content_type TEXT NOT NULL,
       size INTEGER NOT NULL,
       created_at INTEGER NOT NULL
     )`,
    // A blob is served only to members of a workspace that references it.
    `CREATE TABLE blob_refs (
       workspace_id TEXT NOT NULL REFERENCES workspaces (id),
       sha256 TEXT NOT NULL REFERENCES blobs (sha256),
       PRIMARY KEY (workspace_id, sha256)
     )`,
  ],
  [
    // Which member's connection created an outbox item or put it in a state: a document cannot say
    // who wrote it, and the SMS sender must not take a gated agent's word that a text was approved.
    `CREATE TABLE outbox_writers (
       workspace_id TEXT NOT NULL REFERENCES workspaces (id),
       item_id TEXT NOT NULL,
       change TEXT NOT NULL,
       member_id TEXT NOT NULL,
       at INTEGER NOT NULL,
       PRIMARY KEY (workspace_id, item_id, change)
     )`,
  ],
  [
    // The auth token lives in the server's environment (DESIGN.md, "Security baseline"); the file
    // keeps only the variable's name. Tokens stored before are dropped: set-twilio is run again.
    `ALTER TABLE twilio_accounts ADD COLUMN auth_token_env TEXT NOT NULL DEFAULT ''`,
    'ALTER TABLE twilio_accounts DROP COLUMN auth_token',
  ],
] as const;

/** Workspaces, members, invites and settings: the server's own file in the data folder, never the app's. */
export function openServerDb(dataDir: string): ServerDb {
  mkdirSync(dataDir, { recursive: true });
  const db = openMigratedDatabase(path.join(dataDir, SERVER_DB_FILE), MIGRATIONS);
  // Twilio webhooks are acknowledged once their row is committed, so a commit must survive power loss.
  db.pragma('synchronous = FULL');
  return db;
}

export function writeSetting(db: ServerDb, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function readSetting(db: ServerDb, key: string): string | null {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
  return row?.value ?? null;
}
