import type { SyncState } from '../../src-shared/domain/team';
import { useNow } from '../app/use-now';
import { syncStateText } from './sync-state-text';

export function SyncStateLine({ sync }: { sync: SyncState | null }) {
  const now = useNow(1_000);
  const said = syncStateText(sync, now);
  return said ? (
    <p className={`sync-state sync-state--${said.tone}`} data-testid="team-sync-state" role="status">
      {said.text}
    </p>
  ) : null;
}
