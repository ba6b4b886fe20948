import { SYNC_PAUSED_AFTER_MS, type SyncState } from '../../src-shared/domain/team';

/** What the person needs to know about the link to the team, or null when there is nothing to say. */
export function syncStateText(sync: SyncState | null, now: number): { text: string; tone: 'ok' | 'warning' | 'error' } | null {
  if (sync === null) return null;
  switch (sync.state) {
    case 'synced':
      return { text: 'Up to date with the team.', tone: 'ok' };
    case 'connecting':
      return { text: 'Connecting to the team…', tone: 'ok' };
    case 'refused':
      return { text: `The sync server refused this PC: ${sync.reason}. Ask the owner for a new invite code.`, tone: 'error' };
    case 'offline':
      return now - sync.since >= SYNC_PAUSED_AFTER_MS
        ? { text: 'Real-time updates paused: the sync server cannot be reached. Your work is kept on this PC and shared when it is back.', tone: 'warning' }
        : { text: 'Reconnecting to the team…', tone: 'ok' };
  }
}
