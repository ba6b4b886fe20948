export interface SyncOptions {
  /** Messages fetched and committed together; each chunk is one transaction with its checkpoint. */
  chunkSize: number;
  /** Synced first, newest first, so the recent weeks are usable at once. */
  recentDays: number;
  /** How far back the backfill goes. */
  horizonMonths: number;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = { chunkSize: 50, recentDays: 30, horizonMonths: 12 };

export interface SyncStats {
  messages: number;
  bytes: number;
}
