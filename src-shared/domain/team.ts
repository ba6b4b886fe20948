import { z } from 'zod';

/**
 * Whether this PC is part of a team, and how its link to the sync-server is doing. `offline.since`
 * lets the screen say "paused" only once the server has been gone for a while, not on every blip.
 */
export const syncState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('connecting') }),
  z.object({ state: z.literal('synced') }),
  z.object({ state: z.literal('offline'), since: z.number(), retryInMs: z.number() }),
  z.object({ state: z.literal('refused'), reason: z.string() }),
]);
export type SyncState = z.infer<typeof syncState>;

export interface TeamStatus {
  /** Null for a PC on its own. */
  team: { serverUrl: string; workspaceId: string; memberName: string } | null;
  /** Null for a PC on its own: there is nothing to be in step with. */
  sync: SyncState | null;
}

/** How long the server may be gone before the screen says real-time updates are paused. */
export const SYNC_PAUSED_AFTER_MS = 10_000;
