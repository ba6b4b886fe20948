import { z } from 'zod';
import type { TeamStatus } from '../domain/team';
import type { EntryRevision } from '../domain/entry-revision';
import type { Contact } from '../domain/contact';
import type { ChannelHealth } from '../domain/channel-health';
import type { ConnectionReport, EmailAccountView } from '../domain/email-account';
import { emailAccountInput } from './email-account-input';
import { normalizeEmail } from '../identity/email';
import { MAX_SMS_CHARACTERS } from '../sms/segments';
import type { SmsComposeStatus } from '../sms/sms-compose';
import type { EmailDetails, EmailHtml, OtherMailMessage, OtherMailPage } from './email-display';
import { attachmentRef, EMAIL_ATTACHMENTS_MAX_COUNT, uploadChunk, uploadedAttachment, type AttachmentContent, type UploadProgress } from './email-attachments';
import { INBOX_FILTERS, type ConversationSummary, type InboxCounts } from '../domain/conversation';
import type { TimelineEntry } from '../domain/timeline';
import type { WhatsAppLink } from '../domain/whatsapp-link';
import type { OtherWhatsAppPage } from './whatsapp-other';
import type { Member, Workspace } from '../domain/workspace';

/**
 * Every request between renderer and main, declared once. The input schema is checked in main before a
 * handler runs; the output type is what the renderer receives. Add a request here and the compiler
 * demands its handler in `src-main/core/api/handlers.ts`.
 */
function request<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

const id = z.string().min(1).max(200);
/** Chosen by the renderer, so a retried submit is recognized and never saved twice. */
const clientId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'clientId must be a ULID');
const emailAddress = z
  .string()
  .max(320)
  .transform((value, ctx) => {
    const { address } = normalizeEmail(value);
    if (address) return address;
    ctx.issues.push({ code: 'custom', message: 'That is not an email address.', input: value });
    return z.NEVER;
  });

export interface SessionInfo {
  workspace: Workspace;
  me: Member;
  members: Member[];
}

export interface ConversationList {
  rows: ConversationSummary[];
  counts: InboxCounts;
  /** Pass back as `before` to load the next page; null at the end. */
  nextCursor: { lastAt: number; id: string } | null;
}

export interface ConversationDetail {
  conversation: ConversationSummary;
  contact: Contact;
  entries: TimelineEntry[];
  claim: ClaimView;
}

/**
 * This PC's person and the claims on a conversation: a claim made offline waits for the server's
 * stamp (`pendingMine`); if someone's claim reached the server first, `lostTo` names them.
 */
export interface ClaimView {
  pendingMine: boolean;
  lostTo: string | null;
}

export interface SearchHit {
  conversation: ConversationSummary;
  /** The matching message text with the match marked by [[ and ]], or null when the contact matched. */
  snippet: string | null;
  entryId: string | null;
}

export const NOTE_MAX_LENGTH = 20_000;
/** WhatsApp's own limit on one message's text. */
export const WHATSAPP_TEXT_MAX_LENGTH = 65_536;
/** Documents carry a capped plain-text body (DESIGN.md); an email we write is held to the same cap. */
export const EMAIL_BODY_MAX_LENGTH = 20_000;
/** RFC 5322 allows 998 characters on a header line. */
export const EMAIL_SUBJECT_MAX_LENGTH = 998;

/** Who has a conversation after a claim, release or assignment; `pending` until the server confirms it. */
export interface ClaimOutcome {
  ownerId: string | null;
  pending: boolean;
}

const noteBody = z
  .string()
  .trim()
  .min(1, 'A note cannot be empty')
  .max(NOTE_MAX_LENGTH, `A note is at most ${NOTE_MAX_LENGTH} characters`);

export const requests = {
  'session.get': request<SessionInfo>()(z.object({})),
  /** Settings → Email: never the password, only whether one is saved. */
  'email.account.get': request<EmailAccountView | null>()(z.object({})),
  /** Saves the settings, the password to the keychain only, and (re)starts the live channel. */
  'email.account.save': request<EmailAccountView>()(emailAccountInput),
  /** Without a password, tests with the saved one. */
  'email.account.test': request<ConnectionReport>()(emailAccountInput),
  'email.account.status': request<ChannelHealth>()(z.object({})),
  /** Settings → WhatsApp: the link's state, with the QR code while one is shown. */
  'whatsapp.link.get': request<WhatsAppLink>()(z.object({})),
  /** "Link WhatsApp" or "Link again": connects, with a QR code unless a session is saved. */
  'whatsapp.link.start': request<WhatsAppLink>()(z.object({})),
  /** Logs out on WhatsApp's side and forgets the session on this PC. */
  'whatsapp.link.remove': request<WhatsAppLink>()(z.object({})),
  /** WhatsApp groups and broadcasts in the Other view, newest first, or those matching `query`. */
  'whatsapp.other.list': request<OtherWhatsAppPage>()(
    z.object({
      query: z.string().trim().max(500).optional(),
      limit: z.number().int().min(1).max(200).default(50),
      before: z.object({ occurredAt: z.number(), id }).nullable().default(null),
    }),
  ),
  /** Queues a WhatsApp message (text, or one file with the text as caption) for the channel host. */
  'whatsapp.send': request<TimelineEntry>()(
    z
      .object({
        conversationId: id,
        clientId,
        body: z.string().trim().max(WHATSAPP_TEXT_MAX_LENGTH, `A WhatsApp message is at most ${WHATSAPP_TEXT_MAX_LENGTH} characters`),
        attachments: z.array(uploadedAttachment).max(1, 'WhatsApp sends one file per message').default([]),
      })
      .refine((input) => input.body !== '' || input.attachments.length > 0, 'A WhatsApp message cannot be empty'),
  ),
  'conversations.list': request<ConversationList>()(
    z.object({
      filter: z.enum(INBOX_FILTERS).default('all'),
      limit: z.number().int().min(1).max(200).default(50),
      before: z.object({ lastAt: z.number(), id }).nullable().default(null),
    }),
  ),
  'conversations.get': request<ConversationDetail>()(z.object({ conversationId: id })),
  'conversations.markRead': request<{ unreadCount: number }>()(
    z.object({ conversationId: id, upTo: z.number().int().nonnegative() }),
  ),
  /** "No reply needed": the conversation leaves Needs response until the customer writes again. */
  'conversations.dismissNeedsResponse': request<{ needsResponse: boolean }>()(z.object({ conversationId: id })),
  'conversations.claim': request<ClaimOutcome>()(z.object({ conversationId: id })),
  'conversations.release': request<ClaimOutcome>()(z.object({ conversationId: id })),
  'conversations.assign': request<ClaimOutcome>()(z.object({ conversationId: id, assigneeId: id.nullable() })),
  'notes.add': request<TimelineEntry>()(
    z.object({
      conversationId: id,
      clientId,
      body: noteBody,
    }),
  ),
  /** A missed call or voicemail was dealt with: it stops keeping its thread unread. */
  'calls.resolve': request<{ conversationIds: string[] }>()(z.object({ entryId: id })),
  /** A call filed under the wrong customer moves to another (`toContactId`) or to a thread of its own (null). */
  'calls.move': request<{ conversationIds: string[] }>()(
    z.object({ entryId: id, toContactId: id.nullable(), reason: z.string().trim().max(500, 'A reason is at most 500 characters').nullable().default(null) }),
  ),
  /** A new version of one's own note; the earlier text stays in its history. */
  'notes.edit': request<TimelineEntry>()(
    z.object({
      entryId: id,
      body: noteBody,
    }),
  ),
  /** An entry's earlier versions, oldest first: what edits replaced and what a delete took away. */
  'entries.revisions': request<EntryRevision[]>()(z.object({ entryId: id })),
  'email.send': request<TimelineEntry>()(
    z.object({
      conversationId: id,
      clientId,
      subject: z.string().trim().max(EMAIL_SUBJECT_MAX_LENGTH, `A subject is at most ${EMAIL_SUBJECT_MAX_LENGTH} characters`),
      body: z
        .string()
        .trim()
        .min(1, 'An email cannot be empty')
        .max(EMAIL_BODY_MAX_LENGTH, `An email is at most ${EMAIL_BODY_MAX_LENGTH} characters`),
      replyToEntryId: id.optional(),
      attachments: z.array(uploadedAttachment).max(EMAIL_ATTACHMENTS_MAX_COUNT, `An email can carry at most ${EMAIL_ATTACHMENTS_MAX_COUNT} files`).default([]),
    }),
  ),
  /** Where an SMS from this conversation would go, its price per segment, and why it cannot be sent, if so. */
  'sms.status': request<SmsComposeStatus>()(z.object({ conversationId: id })),
  /** Queues a text in the shared outbox, which sync-server sends through Twilio. */
  'sms.send': request<TimelineEntry>()(
    z.object({
      conversationId: id,
      clientId,
      body: z
        .string()
        .trim()
        .min(1, 'A text cannot be empty')
        .max(MAX_SMS_CHARACTERS, `A text is at most ${MAX_SMS_CHARACTERS.toLocaleString('en-US')} characters`),
    }),
  ),
  /** A piece of a file the email composer attaches; see email-attachments.ts. */
  'attachments.upload': request<UploadProgress>()(uploadChunk),
  /** The bytes of one attachment of an entry or of "Other mail", to open or save. */
  'attachments.read': request<AttachmentContent>()(attachmentRef),
  /** A failed message goes back to the queue; only a person asks for that. */
  'outbox.retry': request<TimelineEntry>()(z.object({ itemId: id })),
  /** A message whose send was cut off: a person says whether it went out. */
  'outbox.resolve': request<TimelineEntry>()(z.object({ itemId: id, outcome: z.enum(['sent', 'failed']) })),
  'outbox.approve': request<TimelineEntry>()(z.object({ itemId: id })),
  /** Whether this PC is part of a team and how its link to the sync-server is doing. */
  'team.status': request<TeamStatus>()(z.object({})),
  /** Joins a team with an invite code; the app restarts its core to connect (event `session.changed`). */
  'team.join': request<TeamStatus>()(
    z.object({
      serverUrl: z.url({ protocol: /^https?$/, error: 'The server address starts with http:// or https://' }).max(500),
      code: z.string().trim().min(1, 'Enter the invite code').max(64),
      name: z.string().trim().min(1, 'Enter your name as the team will see it').max(100),
    }),
  ),
  'search.query': request<SearchHit[]>()(
    z.object({ query: z.string().trim().min(1).max(500), limit: z.number().int().min(1).max(200).default(50) }),
  ),
  'contacts.merge': request<{ mergeId: string }>()(z.object({ survivorId: id, mergedId: id })),
  'contacts.undoMerge': request<{ survivorId: string; restoredId: string }>()(z.object({ mergeId: id })),
  /** `entryId` is the stable id of an email, whether a conversation entry or "Other mail". */
  'email.html': request<EmailHtml>()(z.object({ entryId: id })),
  /** The current details of emails already shown (a message may since have left the mailbox); unknown ids are left out. */
  'email.details': request<Record<string, EmailDetails>>()(z.object({ entryIds: z.array(id).max(500) })),
  /** "Always for this sender": that address's mail may load remote images from now on. */
  'email.allowRemoteContent': request<{ address: string }>()(z.object({ address: emailAddress })),
  'otherMail.list': request<OtherMailPage>()(
    z.object({
      query: z.string().trim().max(500).optional(),
      limit: z.number().int().min(1).max(200).default(50),
      before: z.object({ occurredAt: z.number(), id }).nullable().default(null),
    }),
  ),
  'otherMail.get': request<OtherMailMessage>()(z.object({ id })),
} as const;

export type RequestName = keyof typeof requests;
export type RequestInput<N extends RequestName> = z.input<(typeof requests)[N]['input']>;
export type ParsedRequestInput<N extends RequestName> = z.output<(typeof requests)[N]['input']>;
export type RequestOutput<N extends RequestName> = (typeof requests)[N]['output'];

export function isRequestName(name: string): name is RequestName {
  return Object.hasOwn(requests, name);
}
