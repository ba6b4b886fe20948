import { and, asc, eq } from 'drizzle-orm';
import { ApiError } from '../../../src-shared/api/result';
import type { OutboxState } from '../../../src-shared/domain/outbox';
import { sendsNeedApproval } from '../../../src-shared/domain/permissions';
import type { AttachmentMeta, TimelineEntry } from '../../../src-shared/domain/timeline';
import { EMAIL_ATTACHMENTS_MAX_BYTES, describeAttachmentLimit } from '../../../src-shared/api/email-attachments';
import { statSync } from 'node:fs';
import type { BlobStore } from '../blobs/blob-store';
import type { Member } from '../../../src-shared/domain/workspace';
import type { ConversationRollup } from '../conversations/conversation-rollup';
import { currentEmailAccount } from '../email/email-account-repo';
import { insertEntry } from '../entries/entry-repo';
import { stableIds } from '../ingest/stable-ids';
import { contacts, identities, outbox } from '../store/schema';
import type { Store } from '../store/open-store';
import type { EmailRecipient, OutboundEmail } from './outbound-payload';
import { getOutboxItem } from './outbox-repo';
import { sharedOutboxOf } from './shared-outbox';
import { outboxEntry } from './outbox-status';
import { createReplyChain } from './reply-chain';
import { openConversationFor } from '../conversations/open-conversation';

export interface EmailSendInput {
  conversationId: string;
  clientId: string;
  subject: string;
  body: string;
  replyToEntryId?: string | undefined;
  /** Files the composer uploaded; each must be in the blob store. */
  attachments?: AttachmentMeta[] | undefined;
}

/** Until an account is set up the domain is unknown; the Message-ID only has to be unique. */
const FALLBACK_DOMAIN = 'switchboard.local';

/**
 * Writes an email into the outbox with its timeline entry, in one transaction. The Message-ID is
 * chosen here, before any executor sees the item, and the entry's id derives from it: when the sync
 * later finds the copy in Sent, it is the same entry. The item's id is the composer's clientId, so a
 * repeated submit returns what the first one made.
 */
export function createQueueEmail(store: Store, rollup: ConversationRollup, blobs: BlobStore) {
  const { db } = store;
  const replyChain = createReplyChain(store.sqlite);

  return function queueEmail(author: Member, input: EmailSendInput, now = Date.now()): TimelineEntry {
    return db.transaction(() => {
      const existing = getOutboxItem(db, input.clientId);
      if (existing) {
        if (existing.conversationId !== input.conversationId) throw new ApiError('conflict', 'That draft was already sent to another conversation.');
        return outboxEntry(db, existing);
      }
      const conversation = openConversationFor(db, input.conversationId, 'the email was not sent');
      const attachments = storedAttachments(input.attachments ?? []);
      const to = recipient(conversation.contactId);
      const domain = currentEmailAccount(db, conversation.workspaceId)?.address.split('@')[1] ?? FALLBACK_DOMAIN;
      const messageId = `<${input.clientId}@${domain}>`;
      const payload: OutboundEmail = {
        to: [to],
        cc: [],
        subject: input.subject,
        text: input.body,
        messageId,
        ...replyChain(input.conversationId, input.replyToEntryId),
        attachments,
      };
      const state: OutboxState = sendsNeedApproval(author.role) ? 'pending_approval' : 'queued';
      const entry = {
        id: stableIds.email(messageId),
        workspaceId: conversation.workspaceId,
        conversationId: input.conversationId,
        originContactId: conversation.contactId,
        kind: 'message' as const,
        channel: 'email' as const,
        direction: 'outbound' as const,
        authorMemberId: author.id,
        subject: input.subject,
        body: input.body,
        occurredAt: now,
        deliveryStatus: state,
        attachments,
      };
      const item = {
        id: input.clientId,
        workspaceId: conversation.workspaceId,
        channel: 'email' as const,
        conversationId: input.conversationId,
        entryId: entry.id,
        authorMemberId: author.id,
        payload,
        state,
        createdAt: now,
        updatedAt: now,
      };
      db.insert(outbox).values(item).run();
      insertEntry(db, entry);
      sharedOutboxOf(store.sqlite)?.publish({ ...item, contactId: conversation.contactId, entryOccurredAt: now });
      rollup.applyEntry({ ...entry, call: null });
      return outboxEntry(db, { ...item, attempts: 0, lastError: null });
    });
  };

  /**
   * The files as the composer described them, checked against what was stored: the executor may run
   * later, on bytes that must already be here.
   */
  function storedAttachments(attachments: AttachmentMeta[]): AttachmentMeta[] {
    const stored = attachments.map((attachment) => {
      const size = attachment.sha256 ? statSync(blobs.pathOf(attachment.sha256), { throwIfNoEntry: false })?.size : undefined;
      if (size === undefined) throw new ApiError('invalid_input', `${attachment.filename} was not uploaded completely; attach it again.`);
      return { ...attachment, size };
    });
    const total = stored.reduce((sum, attachment) => sum + attachment.size, 0);
    if (total > EMAIL_ATTACHMENTS_MAX_BYTES) throw new ApiError('invalid_input', describeAttachmentLimit(total));
    return stored;
  }

  function recipient(contactId: string): EmailRecipient {
    const contact = db.select({ name: contacts.displayName }).from(contacts).where(eq(contacts.id, contactId)).get();
    const email = db
      .select({ value: identities.value })
      .from(identities)
      .where(and(eq(identities.contactId, contactId), eq(identities.kind, 'email'), eq(identities.valid, true)))
      .orderBy(asc(identities.id))
      .get();
    if (!email) {
      throw new ApiError('invalid_input', `${contact?.name ?? 'This customer'} has no email address. Add one to their contact to send email.`);
    }
    // A contact named after their address (nobody typed a name yet) gets no display name.
    const name = contact?.name && contact.name !== email.value ? contact.name : '';
    return { address: email.value, name };
  }
}
