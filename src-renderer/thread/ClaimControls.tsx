import type { ConversationSummary } from '../../src-shared/domain/conversation';
import { canAssignOthers } from '../../src-shared/domain/permissions';
import type { Member } from '../../src-shared/domain/workspace';
import { useClaimStore } from '../stores/claim-store';

const UNASSIGNED = '';

/**
 * Who has this conversation, and the one action that fits: Claim when nobody has it, Release when it
 * is mine. Managers and the owner also get a picker to give it to anyone or to nobody.
 */
export function ClaimControls({ conversation, me, members, pending }: { conversation: ConversationSummary; me: Member; members: Member[]; pending: boolean }) {
  const busy = useClaimStore((state) => state.busyId === conversation.id);
  const error = useClaimStore((state) => {
    const failed = state.error;
    return failed?.conversationId === conversation.id ? failed.message : null;
  });
  const run = useClaimStore((state) => state.run);
  const conversationId = conversation.id;
  const owner = members.find((m) => m.id === conversation.assigneeId);

  return (
    <div className="claim-controls">
      {error && (
        <span className="claim-controls__error" role="alert">
          {error}
        </span>
      )}
      {canAssignOthers(me.role) ? (
        <label className="claim-controls__assign">
          <span className="visually-hidden">Assigned to</span>
          <select
            data-testid="assign-select"
            value={conversation.assigneeId ?? UNASSIGNED}
            disabled={busy}
            onChange={(e) => void run({ kind: 'assign', conversationId, assigneeId: e.target.value === UNASSIGNED ? null : e.target.value })}
          >
            <option value={UNASSIGNED}>Unassigned</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.id === me.id ? `${m.name} (me)` : m.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span className="pill" data-testid="assignee">
          {owner ? `Assigned to ${owner.id === me.id ? 'me' : owner.name}` : 'Unassigned'}
        </span>
      )}
      {conversation.assigneeId === null && !pending && (
        <button type="button" className="button button--primary" data-testid="claim" disabled={busy} onClick={() => void run({ kind: 'claim', conversationId })}>
          Claim
        </button>
      )}
      {conversation.assigneeId === me.id && (
        <button type="button" className="button" data-testid="release" disabled={busy} onClick={() => void run({ kind: 'release', conversationId })}>
          Release
        </button>
      )}
    </div>
  );
}
