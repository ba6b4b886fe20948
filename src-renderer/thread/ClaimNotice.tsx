import type { ClaimView } from '../../src-shared/api/requests';
import type { Member } from '../../src-shared/domain/workspace';

/**
 * Says what happened to this person's claim when the server had the last word: still waiting for it
 * (claimed while offline), or someone else's claim reached it first and the conversation is theirs.
 */
export function ClaimNotice({ claim, members }: { claim: ClaimView; members: Member[] }) {
  if (claim.pendingMine) {
    return (
      <span className="pill" data-testid="claim-pending" title="Claimed while the sync server could not be reached; it decides who has the conversation when it is back">
        Claim pending
      </span>
    );
  }
  if (claim.lostTo === null) return null;
  const winner = members.find((m) => m.id === claim.lostTo)?.name ?? 'A teammate';
  return (
    <span className="claim-notice" role="status" data-testid="claim-lost">
      {winner} claimed it first; the conversation is theirs.
    </span>
  );
}
