import type Database from 'better-sqlite3';
import * as Y from 'yjs';

/** Past this many rows after the last snapshot, they are merged and a new snapshot is taken. */
const COMPACT_AFTER_ROWS = 500;
/**
 * Merged rows stay under this size, so each can still be sent to the server as one message when a
 * PC that was offline for long catches up (see `missingPieces` in sync-connection).
 */
const MAX_MERGED_ROW_BYTES = 512 * 1024;

/**
 * The PC's durable copy of every shared document: each Yjs update, local or from the server, is a row
 * written before anything derived from it is shown. Merging rows keeps a busy room's log short; each
 * merge also stores a snapshot of the document itself, which a PC starts from (see docSnapshots).
 */
export function createUpdateLog(sqlite: Database.Database) {
  const loadSnapshot = sqlite.prepare('SELECT state, up_to_seq AS upToSeq FROM doc_snapshots WHERE room = ?');
  const loadRowsAfter = sqlite.prepare('SELECT "update" FROM doc_updates WHERE room = ? AND seq > ? ORDER BY seq').pluck();
  const append = sqlite.prepare('INSERT INTO doc_updates (room, "update", created_at) VALUES (?, ?, ?)');
  const count = sqlite.prepare('SELECT count(*) FROM doc_updates WHERE room = ?').pluck();
  const countAfter = sqlite.prepare('SELECT count(*) FROM doc_updates WHERE room = ? AND seq > ?').pluck();
  const maxSeq = sqlite.prepare('SELECT max(seq) FROM doc_updates WHERE room = ?').pluck();
  const clearAfter = sqlite.prepare('DELETE FROM doc_updates WHERE room = ? AND seq > ?');
  const saveSnapshot = sqlite.prepare(
    'INSERT INTO doc_snapshots (room, state, up_to_seq) VALUES (?, ?, ?) ON CONFLICT (room) DO UPDATE SET state = excluded.state, up_to_seq = excluded.up_to_seq',
  );
  const snapshotSeq = sqlite.prepare('SELECT up_to_seq FROM doc_snapshots WHERE room = ?').pluck();
  const replaceAfter = sqlite.transaction((room: string, since: number, merged: Uint8Array[], state: Uint8Array) => {
    clearAfter.run(room, since);
    let lastSeq = since;
    for (const row of merged) lastSeq = Number(append.run(room, row, Date.now()).lastInsertRowid);
    saveSnapshot.run(room, state, lastSeq);
  });
  /** Rows after `since` (0 for all of them: seq starts at 1), in the order they were written. */
  const rowsAfter = (room: string, since: number): Uint8Array[] => (loadRowsAfter.all(room, since) as Buffer[]).map((b) => new Uint8Array(b));
  const snapshotPosition = (room: string): number => (snapshotSeq.get(room) as number | undefined) ?? 0;

  return {
    /** What a PC opens a room from: the snapshot, if any, then the rows written after it. */
    load(room: string): Uint8Array[] {
      const snapshot = loadSnapshot.get(room) as { state: Buffer; upToSeq: number } | undefined;
      return snapshot ? [new Uint8Array(snapshot.state), ...rowsAfter(room, snapshot.upToSeq)] : rowsAfter(room, 0);
    },
    /** Every stored row, for telling a server what it lacks. */
    rows(room: string): Uint8Array[] {
      return rowsAfter(room, 0);
    },
    append(room: string, update: Uint8Array): void {
      append.run(room, update, Date.now());
    },
    /**
     * Once rows pile up after the last snapshot, merges those rows (the older ones were merged
     * before, and merging them again would gain nothing) into a few bounded ones, and snapshots
     * `doc`, which holds every row; returns whether it did.
     */
    compactIfLarge(room: string, doc: Y.Doc): boolean {
      const since = snapshotPosition(room);
      if ((countAfter.get(room, since) as number) < COMPACT_AFTER_ROWS) return false;
      const merged = mergeInBoundedRows(rowsAfter(room, since));
      replaceAfter(room, since, merged, Y.encodeStateAsUpdate(doc));
      return true;
    },
    /**
     * Snapshots `doc` if rows were written since the last snapshot, so the next start replays none:
     * for a room being closed. The rows stay as they are.
     */
    snapshotIfBehind(room: string, doc: Y.Doc): void {
      const last = maxSeq.get(room) as number | null;
      if (last !== null && last > snapshotPosition(room)) saveSnapshot.run(room, Y.encodeStateAsUpdate(doc), last);
    },
    /** Each stored update reduced to what a peer with `stateVector` lacks; empty ones are left out. */
    missingPieces(room: string, stateVector: Uint8Array): Uint8Array[] {
      return this.rows(room)
        .map((row) => Y.diffUpdate(row, stateVector))
        .filter((piece) => piece.byteLength > EMPTY_UPDATE_BYTES);
    },
    rowCount(room: string): number {
      return count.get(room) as number;
    },
  };
}

export type UpdateLog = ReturnType<typeof createUpdateLog>;

/** An update with no structs and no deletions encodes as two zero bytes. */
const EMPTY_UPDATE_BYTES = 2;

function mergeInBoundedRows(rows: Uint8Array[]): Uint8Array[] {
  const merged: Uint8Array[] = [];
  let group: Uint8Array[] = [];
  let bytes = 0;
  for (const row of rows) {
    if (group.length > 0 && bytes + row.byteLength > MAX_MERGED_ROW_BYTES) {
      merged.push(Y.mergeUpdates(group));
      group = [];
      bytes = 0;
    }
    group.push(row);
    bytes += row.byteLength;
  }
  if (group.length > 0) merged.push(Y.mergeUpdates(group));
  return merged;
}
