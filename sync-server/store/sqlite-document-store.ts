import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { DocumentStore } from './document-store';
import { openMigratedDatabase } from './sqlite-schema';

export const DOCUMENTS_FILE = 'documents.sqlite';

const MIGRATIONS = [
  [
    `CREATE TABLE doc_updates (
       id INTEGER PRIMARY KEY AUTOINCREMENT,
       room TEXT NOT NULL,
       data BLOB NOT NULL
     )`,
    'CREATE INDEX doc_updates_by_room ON doc_updates (room, id)',
  ],
] as const;

/** Room logs in their own SQLite file in the data folder, one row per update. */
export function openSqliteDocumentStore(dataDir: string): DocumentStore {
  mkdirSync(dataDir, { recursive: true });
  const db: Database.Database = openMigratedDatabase(path.join(dataDir, DOCUMENTS_FILE), MIGRATIONS);
  // An update is acknowledged to other clients only after it is stored, so a commit must survive power loss.
  db.pragma('synchronous = FULL');
  const select = db.prepare<[string], { data: Buffer }>('SELECT data FROM doc_updates WHERE room = ? ORDER BY id');
  const insert = db.prepare<[string, Buffer]>('INSERT INTO doc_updates (room, data) VALUES (?, ?)');
  const clear = db.prepare<[string]>('DELETE FROM doc_updates WHERE room = ?');
  const replace = db.transaction((room: string, merged: Buffer) => {
    clear.run(room);
    insert.run(room, merged);
  });
  const toBuffer = (update: Uint8Array) => Buffer.from(update.buffer, update.byteOffset, update.byteLength);

  return {
    load: async (room) => select.all(room).map((row) => new Uint8Array(row.data)),
    append: async (room, update) => {
      insert.run(room, toBuffer(update));
    },
    replace: async (room, merged) => {
      replace(room, toBuffer(merged));
    },
    close: () => db.close(),
  };
}
