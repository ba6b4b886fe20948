import { ApiError } from '../../../src-shared/api/result';
import { canApproveSends } from '../../../src-shared/domain/permissions';
import type { Member } from '../../../src-shared/domain/workspace';
import type { Handlers } from '../api/dispatch';
import type { ConversationRollup } from '../conversations/conversation-rollup';
import type { Store } from '../store/open-store';
import { moveOutboxItem, type OutboxItem } from './outbox-repo';
import { outboxEntry } from './outbox-status';
import { createQueueEmail } from './queue-email';
import { createAttachmentUploads } from './attachment-uploads';
import type { BlobStore } from '../blobs/blob-store';

type OutboxHandlers = Pick<Handlers, 'email.send' | 'attachments.upload' | 'outbox.retry' | 'outbox.resolve' | 'outbox.approve'>;

/**
 * The outbox requests. What a person may do is narrow: retry what failed, approve what waits for
 * approval (owner and managers only), and decide what happened to a message whose send was cut off.
 */
export function createOutboxHandlers(
  store: Store,
  rollup: ConversationRollup,
  me: Member,
  changed: (conversationIds: string[]) => void,
  /** Mail is waiting to go: the channel host's executor should look at the queue now. */
  queued: () => void,
  /** Where the composer's attachments are stored, and the executor finds them. */
  blobs: BlobStore,
): OutboxHandlers {
  const queueEmail = createQueueEmail(store, rollup, blobs);
  const answer = (item: OutboxItem) => {
    changed([item.conversationId]);
    if (item.state === 'queued') queued();
    return outboxEntry(store.db, item);
  };

  return {
    'email.send': (input) => {
      const entry = queueEmail(me, input);
      changed([entry.conversationId]);
      queued();
      return entry;
    },
    'attachments.upload': createAttachmentUploads(blobs),
    'outbox.retry': ({ itemId }) => answer(moveOutboxItem(store.db, itemId, 'failed', 'queued', { lastError: null })),
    'outbox.resolve': ({ itemId, outcome }) =>
      answer(moveOutboxItem(store.db, itemId, 'unknown', outcome, outcome === 'sent' ? { lastError: null } : {})),
    'outbox.approve': ({ itemId }) => {
      if (!canApproveSends(me.role)) throw new ApiError('invalid_input', 'Only a manager or the owner can approve a message.');
      return answer(moveOutboxItem(store.db, itemId, 'pending_approval', 'queued'));
    },
  };
}
