import { ApiError } from '../../../src-shared/api/result';
import type { OutboxState } from '../../../src-shared/domain/outbox';
import { canApproveSends } from '../../../src-shared/domain/permissions';
import type { TimelineEntry } from '../../../src-shared/domain/timeline';
import type { Member } from '../../../src-shared/domain/workspace';
import { moveOutboxItem, outboxItemsOf, outboxStatesOf } from '../../../src-shared/sync/outbox-doc';
import { getEntry } from '../entries/entry-repo';
import type { Store } from '../store/open-store';
import type { SharedDocs } from '../sync/shared-docs';
import { LOCAL_WRITE } from '../sync/shared-timeline';

/**
 * Texts live in the shared outbox document rather than this PC's outbox table, since sync-server
 * sends them. This shows their state on their entries (with the server's reason when one failed or
 * was refused) and carries out what a person decides: retry, approve, or say whether an interrupted
 * send went out.
 */
export function createSmsOutbox(store: Store, docs: SharedDocs, me: Member, changed: (conversationIds: string[]) => void) {
  const states = () => outboxStatesOf(docs.outbox());

  const withStatus = (entry: TimelineEntry): TimelineEntry => {
    const item = outboxItemsOf(docs.outbox()).get(entry.id.startsWith('sms-out:') ? entry.id.slice('sms-out:'.length) : '');
    const state = item ? states().get(item.id) : undefined;
    if (!item || !state) return entry;
    return { ...entry, outbox: { itemId: item.id, state: state.state, attempts: state.attempts, lastError: state.error, waitingFor: null } };
  };

  const move = (itemId: string, from: OutboxState, to: OutboxState): TimelineEntry => {
    const outbox = docs.outbox();
    const item = outboxItemsOf(outbox).get(itemId);
    const current = states().get(itemId)?.state;
    if (!item || current !== from) throw new ApiError('conflict', `That text is ${current ?? 'gone'} now, so it cannot be changed that way.`);
    outbox.transact(() => moveOutboxItem(outbox, itemId, to, { at: Date.now(), ...(to === 'failed' ? {} : { error: null }) }), LOCAL_WRITE);
    const entry = getEntry(store.db, item.entryId);
    if (!entry) throw new ApiError('not_found', 'That text has no entry on this PC yet.');
    changed([entry.conversationId]);
    return withStatus(entry);
  };

  return {
    withStatus: (entries: TimelineEntry[]) => entries.map((entry) => (entry.channel === 'sms' && entry.direction === 'outbound' ? withStatus(entry) : entry)),
    // Email and WhatsApp items are in the shared outbox too, but their queue is each PC's own.
    owns: (itemId: string) => outboxItemsOf(docs.outbox()).get(itemId)?.channel === 'sms',
    retry: (itemId: string) => move(itemId, 'failed', 'queued'),
    resolve: (itemId: string, outcome: 'sent' | 'failed') => move(itemId, 'unknown', outcome),
    approve: (itemId: string) => {
      if (!canApproveSends(me.role)) throw new ApiError('invalid_input', 'Only a manager or the owner can approve a message.');
      return move(itemId, 'pending_approval', 'queued');
    },
  };
}

export type SmsOutbox = ReturnType<typeof createSmsOutbox>;
