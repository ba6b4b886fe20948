import { createHash } from 'node:crypto';
import { ApiError } from '../../../src-shared/api/result';
import type { OutboxState } from '../../../src-shared/domain/outbox';
import { sendsNeedApproval } from '../../../src-shared/domain/permissions';
import type { AttachmentMeta, TimelineEntry } from '../../../src-shared/domain/timeline';
import type { Member } from '../../../src-shared/domain/workspace';
import type { ConversationRollup } from '../conversations/conversation-rollup';
import { openConversationFor } from '../conversations/open-conversation';
import { insertEntry } from '../entries/entry-repo';
import { stableIds } from '../ingest/stable-ids';
import { getOutboxItem } from '../outbox/outbox-repo';
import { sharedOutboxOf } from '../outbox/shared-outbox';
import { outboxEntry } from '../outbox/outbox-status';
import type { Store } from '../store/open-store';
import type { OutboundWhatsApp } from './outbound-whatsapp';

export interface WhatsAppSendInput {
  conversationId: string;
  clientId: string;
  body: string;
  attachments?: AttachmentMeta[];
}

/**
 * Writes a WhatsApp message into the outbox with its timeline entry, in one transaction. The
 * WhatsApp message id derives from the composer's clientId, so a repeated submit finds the item it
 * made, and the phone's echo of the sent message and every receipt land on this entry.
 */
export function createQueueWhatsApp(store: Store, rollup: ConversationRollup) {
  const { db, sqlite } = store;
  const handleOf = sqlite.prepare(`
    SELECT kind, value FROM identities WHERE contact_id = ? AND kind IN ('whatsapp', 'phone') AND valid = 1
    ORDER BY CASE WHEN kind = 'whatsapp' AND value LIKE '%@s.whatsapp.net' THEN 0 WHEN kind = 'whatsapp' THEN 1 ELSE 2 END, id
    LIMIT 1`);
  const nameOf = sqlite.prepare('SELECT display_name FROM contacts WHERE id = ?').pluck();
  const insertItem = sqlite.prepare(`
    INSERT INTO outbox (id, workspace_id, channel, conversation_id, entry_id, author_member_id, payload, state, created_at, updated_at)
    VALUES (?, ?, 'whatsapp', ?, ?, ?, ?, ?, ?, ?)`);

  function recipientJid(contactId: string): string {
    const handle = handleOf.get(contactId) as { kind: 'whatsapp' | 'phone'; value: string } | undefined;
    if (!handle) {
      const name = (nameOf.get(contactId) as string | undefined) ?? 'This customer';
      throw new ApiError('invalid_input', `${name} has no WhatsApp or phone number. Add their mobile number to send on WhatsApp.`);
    }
    return handle.kind === 'whatsapp' ? handle.value : `${handle.value.replace(/^\+/, '')}@s.whatsapp.net`;
  }

  return function queueWhatsApp(author: Member, input: WhatsAppSendInput, now = Date.now()): TimelineEntry {
    return db.transaction(() => {
      const existing = getOutboxItem(db, input.clientId);
      if (existing) {
        if (existing.conversationId !== input.conversationId) throw new ApiError('conflict', 'That draft was already sent to another conversation.');
        return outboxEntry(db, existing);
      }
      const conversation = openConversationFor(db, input.conversationId, 'the WhatsApp message was not sent');
      const jid = recipientJid(conversation.contactId);
      const payload: OutboundWhatsApp = { jid, keyId: messageIdFor(input.clientId), text: input.body, attachments: input.attachments ?? [] };
      const state: OutboxState = sendsNeedApproval(author.role) ? 'pending_approval' : 'queued';
      const entry = {
        id: stableIds.whatsapp(jid, payload.keyId),
        workspaceId: conversation.workspaceId,
        conversationId: input.conversationId,
        originContactId: conversation.contactId,
        kind: 'message' as const,
        channel: 'whatsapp' as const,
        direction: 'outbound' as const,
        authorMemberId: author.id,
        subject: null,
        body: input.body,
        occurredAt: now,
        deliveryStatus: state,
        attachments: payload.attachments,
      };
      insertItem.run(input.clientId, conversation.workspaceId, input.conversationId, entry.id, author.id, JSON.stringify(payload), state, now, now);
      insertEntry(db, entry);
      sharedOutboxOf(sqlite)?.publish({
        id: input.clientId,
        channel: 'whatsapp',
        conversationId: input.conversationId,
        contactId: conversation.contactId,
        entryId: entry.id,
        entryOccurredAt: now,
        authorMemberId: author.id,
        payload,
        state,
        createdAt: now,
      });
      rollup.applyEntry({ ...entry, call: null });
      const item = getOutboxItem(db, input.clientId);
      if (!item) throw new Error(`The outbox item ${input.clientId} was not written`);
      return outboxEntry(db, item);
    });
  };
}

/** Shaped like the ids Baileys makes (`3EB0` and hex), and the same for the same draft. */
export function messageIdFor(clientId: string): string {
  return `3EB0${createHash('sha256').update(clientId).digest('hex').slice(0, 18).toUpperCase()}`;
}
