import { useEffect } from 'react';
import { SYNC_PAUSED_AFTER_MS } from '../../src-shared/domain/team';
import { useNow } from '../app/use-now';
import { syncStateText } from './sync-state-text';
import { useTeamStore } from './team-store';

/**
 * Says so when the team's updates stop arriving: only after the server has been gone a while, so a
 * blip never flashes a warning, and it goes away by itself when the link is back.
 */
export function SyncBanner() {
  const sync = useTeamStore((state) => state.status?.sync ?? null);
  const now = useNow(1_000);
  useEffect(() => {
    void useTeamStore.getState().load();
    return window.switchboard.on('team.sync', ({ sync: next }) => useTeamStore.getState().setSync(next));
  }, []);
  const paused = sync?.state === 'offline' && now - sync.since >= SYNC_PAUSED_AFTER_MS;
  if (!paused && sync?.state !== 'refused') return null;
  const said = syncStateText(sync, now);
  return said ? (
    <div className={`banner banner--${said.tone === 'error' ? 'error' : 'warning'}`} role="status" data-testid="sync-banner">
      {said.text}
    </div>
  ) : null;
}
