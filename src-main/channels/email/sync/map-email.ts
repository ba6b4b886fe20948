import type { BounceReport, MailLocation, ReplyChain, SyncedEmail } from '../../../core/email/email-batch';
import { stableIds } from '../../../core/ingest/stable-ids';
import type { NormalizedInbound } from '../../../../src-shared/domain/inbound';
import type { AttachmentMeta } from '../../../../src-shared/domain/timeline';
import type { Bounce, EmailAddress, ParsedEmail } from '../parse/parsed-email';

/** Documents carry a capped plain-text body (DESIGN.md); the whole message stays on the server. */
export const BODY_CAP = 20_000;

export interface MailContext {
  /** Which folder it was synced from: everything in Sent is ours. */
  role: 'inbox' | 'sent';
  ownAddress: string;
  /** The server's INTERNALDATE, for mail whose Date header is missing or unreadable. */
  receivedAt: number;
  /** The parts as stored in the blob store, in the message's order. */
  attachments: AttachmentMeta[];
  htmlSha256: string | null;
  location?: MailLocation | null;
}

/**
 * Files one parsed message (DESIGN.md, "Not every message is a customer"). Customer mail becomes an
 * entry in the conversation of the customer it is from, or, for mail we sent, of the first customer it
 * went to: an email is one entry, and adding every recipient to one contact would merge strangers.
 * Everything else, and mail that names no customer at all, is kept in "Other mail".
 */
export function mapEmail(email: ParsedEmail, context: MailContext): SyncedEmail {
  const chain: ReplyChain = {
    messageId: email.messageId,
    inReplyTo: email.inReplyTo,
    references: email.references,
    htmlSha256: context.htmlSha256,
    autoReply: email.autoReply,
    calendar: email.calendar,
    location: context.location ?? null,
  };
  const occurredAt = email.date ?? context.receivedAt;
  const body = capped(email.text);
  const outbound = context.role === 'sent' || email.from?.address === context.ownAddress;
  const customer = outbound
    ? [...email.to, ...email.cc].find((recipient) => recipient.address !== context.ownAddress)
    : email.from;
  const entryFor = (person: EmailAddress): NormalizedInbound => ({
    id: email.id,
    channel: 'email',
    kind: 'message',
    direction: outbound ? 'outbound' : 'inbound',
    customer: { identities: [{ kind: 'email', value: person.address }], displayName: person.name },
    subject: email.subject,
    body,
    occurredAt,
    deliveryStatus: outbound ? 'sent' : 'received',
    attachments: context.attachments,
    call: null,
    ...(email.autoReply && !outbound ? { autoReply: true as const } : {}),
    email: { htmlSha256: context.htmlSha256, from: email.from?.address ?? null, calendar: email.calendar },
  });
  if (email.classification === 'customer' && customer) return { filedAs: 'entry', chain, entry: entryFor(customer) };
  return {
    filedAs: 'other',
    id: email.id,
    category: email.classification === 'customer' ? 'automated' : email.classification,
    from: email.from,
    to: [...email.to, ...email.cc].map((recipient) => recipient.address),
    subject: email.subject,
    body,
    occurredAt,
    attachments: context.attachments,
    autoReply: email.autoReply,
    bounce: email.bounce && bounceReport(email.bounce),
    chain,
    customerEntry: email.autoReply && !outbound && email.from ? entryFor(email.from) : null,
  };
}

/**
 * Only a permanent failure marks a message failed; a delay report (4.x.x) means the server is still
 * trying. A report that cannot name the returned message has nothing to mark.
 */
function bounceReport(bounce: Bounce): BounceReport | null {
  if (bounce.originalMessageId === null || bounce.status?.startsWith('4')) return null;
  return {
    failedEntryId: stableIds.email(bounce.originalMessageId),
    recipient: bounce.recipient,
    status: bounce.status,
    diagnostic: bounce.diagnostic,
  };
}

function capped(text: string): string {
  return text.length > BODY_CAP ? `${text.slice(0, BODY_CAP)}…` : text;
}

/**
 * A message the parser cannot read is still never lost: it is kept in "Other mail" with the reason,
 * and its raw bytes as an attachment to open or export.
 */
export function mapUnreadable(raw: AttachmentMeta & { sha256: string }, error: string, receivedAt: number, location: MailLocation | null = null): SyncedEmail {
  return {
    filedAs: 'other',
    id: stableIds.email(`raw-sha256:${raw.sha256}`),
    category: 'automated',
    from: null,
    to: [],
    subject: null,
    body: `Switchboard could not read this message: ${error}`,
    occurredAt: receivedAt,
    attachments: [raw],
    autoReply: false,
    bounce: null,
    chain: { messageId: null, inReplyTo: null, references: [], htmlSha256: null, autoReply: false, calendar: null, location },
    customerEntry: null,
  };
}
