import type Database from 'better-sqlite3';
import { ApiError } from '../../../src-shared/api/result';

export interface OutboundChain {
  inReplyTo: string | null;
  references: string[];
}

interface ParentRow {
  messageId: string;
  inReplyTo: string | null;
  references: string;
}

/**
 * In-Reply-To and References for a reply (RFC 5322 §3.6.4), so the customer's mail client threads it:
 * the parent's References (or, lacking them, its In-Reply-To) followed by the parent's Message-ID. The
 * parent is the entry replied to, or else the conversation's latest customer email.
 */
export function createReplyChain(sqlite: Database.Database) {
  const chosen = sqlite.prepare(`
    SELECT m.message_id AS messageId, m.in_reply_to AS inReplyTo, m."references" AS "references"
    FROM entries e JOIN email_messages m ON m.id = e.id
    WHERE e.id = ? AND e.conversation_id = ? AND m.message_id IS NOT NULL`);
  const latestCustomer = sqlite.prepare(`
    SELECT m.message_id AS messageId, m.in_reply_to AS inReplyTo, m."references" AS "references"
    FROM entries e JOIN email_messages m ON m.id = e.id
    WHERE e.conversation_id = ? AND e.channel = 'email' AND e.direction = 'inbound' AND m.message_id IS NOT NULL
    ORDER BY e.occurred_at DESC, e.seq DESC LIMIT 1`);

  return function replyChain(conversationId: string, replyToEntryId: string | undefined): OutboundChain {
    const parent = (replyToEntryId === undefined ? latestCustomer.get(conversationId) : chosen.get(replyToEntryId, conversationId)) as
      | ParentRow
      | undefined;
    if (!parent) {
      if (replyToEntryId !== undefined) throw new ApiError('not_found', 'The email you are replying to is not in this conversation.');
      return { inReplyTo: null, references: [] };
    }
    const earlier = JSON.parse(parent.references) as string[];
    const ancestors = earlier.length > 0 ? earlier : parent.inReplyTo ? [parent.inReplyTo] : [];
    return { inReplyTo: parent.messageId, references: [...ancestors.filter((id) => id !== parent.messageId), parent.messageId] };
  };
}
