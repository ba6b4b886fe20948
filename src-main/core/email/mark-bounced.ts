import type { OutboxState } from '../../../src-shared/domain/outbox';
import type { ConversationRollup } from '../conversations/conversation-rollup';
import { addSystemEvent } from '../entries/system-event';
import { moveOutboxItem } from '../outbox/outbox-repo';
import type { Store } from '../store/open-store';
import { sharedTimelineOf } from '../sync/shared-timeline';
import type { BounceReport } from './email-batch';

/** A bounce proves the server took the message and could not deliver it: sent, or undecided after a crash. */
const BOUNCEABLE: readonly OutboxState[] = ['sent', 'unknown'];

/**
 * Marks the outbound entry a bounce is about as failed, and says why in a system line of the same
 * conversation, where the person who sent it will look. A message written in Switchboard also has its
 * outbox item moved to `failed` with the reason, which is what offers Retry (after, say, the address
 * is corrected). The line's id derives from the bounce's, so a bounce seen twice (a resync) says it
 * once. Returns the conversation marked, or null while the entry is not in the store yet.
 */
export function createMarkBounced(store: Store, rollup: ConversationRollup) {
  const fail = store.sqlite.prepare(`
    UPDATE entries SET delivery_status = 'failed'
    WHERE id = ? AND direction = 'outbound'
    RETURNING workspace_id AS workspaceId, conversation_id AS conversationId, origin_contact_id AS contactId, occurred_at AS occurredAt`);
  const itemOf = store.sqlite.prepare(`SELECT id, state FROM outbox WHERE entry_id = ?`);

  return function markBounced(bounceId: string, bounce: BounceReport, at: number): string | null {
    const target = fail.get(bounce.failedEntryId) as { workspaceId: string; conversationId: string; contactId: string; occurredAt: number } | undefined;
    if (!target) return null;
    const reason = describeBounce(bounce);
    sharedTimelineOf(store.sqlite)?.advanceStatus(bounce.failedEntryId, target.occurredAt, { status: 'failed', error: reason, at });
    const item = itemOf.get(bounce.failedEntryId) as { id: string; state: OutboxState } | undefined;
    if (item && BOUNCEABLE.includes(item.state)) moveOutboxItem(store.db, item.id, item.state, 'failed', { lastError: reason });
    addSystemEvent(store.db, rollup, target, reason, at, `sys:${bounceId}`);
    return target.conversationId;
  };
}

export function describeBounce(bounce: BounceReport): string {
  const reason = [bounce.status, bounce.diagnostic].filter((part) => part !== null).join(' ');
  return `Delivery to ${bounce.recipient ?? 'the recipient'} failed${reason ? `: ${reason}` : ''}`;
}
