import { emailMessages } from '../store/schema';
import type { StoreDb } from '../store/open-store';
import { moveOutboxItem, type OutboxItem } from './outbox-repo';

/**
 * Marks an email item sent and records its reply chain in the same transaction, as the sync would for
 * a message found in Sent: a customer's answer can then be threaded before Sent is synced, and the
 * sync's own record of it is a no-op.
 */
export function markEmailSent(db: StoreDb, itemId: string, accountId: string): OutboxItem {
  return db.transaction(() => {
    const item = moveOutboxItem(db, itemId, 'sending', 'sent', { lastError: null });
    db.insert(emailMessages)
      .values({
        id: item.entryId,
        accountId,
        messageId: item.payload.messageId,
        inReplyTo: item.payload.inReplyTo,
        references: item.payload.references,
        htmlSha256: null,
        filedAs: 'entry',
        autoReply: false,
      })
      .onConflictDoNothing()
      .run();
    return item;
  });
}
