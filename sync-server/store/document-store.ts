/**
 * Where room documents live, as a log of Yjs updates per room. SQLite is the default; the interface is
 * asynchronous so a networked store (PostgreSQL, when workspaces are sharded) fits behind it unchanged.
 * A room's operations are never run concurrently with each other: the room serializes them.
 */
export interface DocumentStore {
  /** Every stored update of the room, oldest first; empty for a room never written. */
  load(room: string): Promise<Uint8Array[]>;
  /** Returns only once the update is durable. */
  append(room: string, update: Uint8Array): Promise<void>;
  /** Swaps the whole log for one update holding the same state, atomically (compaction). */
  replace(room: string, merged: Uint8Array): Promise<void>;
  close(): void;
}
