export type ChannelState = 'stopped' | 'connecting' | 'syncing' | 'live' | 'reconnecting';

/** How a channel is doing, as Settings shows it; declared here because the renderer reads it too. */
export interface ChannelHealth {
  state: ChannelState;
  /** The last failure, kept after recovery so a flapping connection can be seen. */
  lastError: { message: string; at: number } | null;
  /** When everything the server had was last in the store. */
  lastSyncedAt: number | null;
}
