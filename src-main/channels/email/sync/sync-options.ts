import { availableParallelism } from 'node:os';

export interface SyncOptions {
  /** Messages fetched and committed together; each chunk is one transaction with its checkpoint. */
  chunkSize: number;
  /** Synced first, newest first, so the recent weeks are usable at once. */
  recentDays: number;
  /** How far back the backfill goes. */
  horizonMonths: number;
  /** Worker threads that parse MIME beside the main thread's IMAP and SQLite work; 0 parses on the main thread. */
  parseWorkers: number;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  chunkSize: 50,
  recentDays: 30,
  horizonMonths: 12,
  parseWorkers: Math.max(1, availableParallelism() - 1),
};

export interface SyncStats {
  messages: number;
  bytes: number;
}
