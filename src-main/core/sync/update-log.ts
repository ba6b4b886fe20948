import type Database from 'better-sqlite3';
import * as Y from 'yjs';

/** Past this many stored updates a room's log is merged into one row. */
const COMPACT_AFTER_ROWS = 500;

/**
 * The PC's durable copy of every shared document: each Yjs update, local or from the server, is a row
 * written before anything derived from it is shown. Merging rows keeps a busy room's log short.
 */
export function createUpdateLog(sqlite: Database.Database) {
  const load = sqlite.prepare('SELECT "update" FROM doc_updates WHERE room = ? ORDER BY seq').pluck();
  const append = sqlite.prepare('INSERT INTO doc_updates (room, "update", created_at) VALUES (?, ?, ?)');
  const count = sqlite.prepare('SELECT count(*) FROM doc_updates WHERE room = ?').pluck();
  const clear = sqlite.prepare('DELETE FROM doc_updates WHERE room = ?');
  const replace = sqlite.transaction((room: string, merged: Uint8Array) => {
    clear.run(room);
    append.run(room, merged, Date.now());
  });

  return {
    load(room: string): Uint8Array[] {
      return (load.all(room) as Buffer[]).map((b) => new Uint8Array(b));
    },
    append(room: string, update: Uint8Array): void {
      append.run(room, update, Date.now());
    },
    /** Merges the room's rows into one when they pile up; returns whether it did. */
    compactIfLarge(room: string): boolean {
      if ((count.get(room) as number) < COMPACT_AFTER_ROWS) return false;
      replace(room, Y.mergeUpdates(this.load(room)));
      return true;
    },
    rowCount(room: string): number {
      return count.get(room) as number;
    },
  };
}

export type UpdateLog = ReturnType<typeof createUpdateLog>;
