import { createHash } from 'node:crypto';
import type { ParsedMail, SimpleParserOptions, StructuredHeader } from 'mailparser';
import { stableIds } from '../../../core/ingest/stable-ids';
import { readAddresses } from './addresses';
import { readAttachments } from './attachments';
import { isAutoReply } from './auto-reply';
import { readBounce } from './bounce';
import { readCalendar } from './calendar';
import { classifyEmail } from './classify';
import { readDateHeader } from './date-header';
import { firstHeader, headerValues } from './header-lines';
import { readMessageId, readMessageIdList } from './message-ids';
import type { ParsedEmail, ParseEmailResult } from './parsed-email';

const PARSER_OPTIONS: SimpleParserOptions = {
  // cid: links stay, to be resolved from the blob store at display time; data: URLs would copy every
  // inline image into the HTML.
  keepCidLinks: true,
  skipTextToHtml: true,
  // The delivery-status part becomes an attachment, readable field by field, instead of body text.
  keepDeliveryStatus: true,
  // The digest the blob store files each part under, taken while the part is decoded instead of an
  // md5 nobody reads followed by a second pass over the bytes.
  checksumAlgo: 'sha256',
};

let mailparser: Promise<typeof import('mailparser')> | null = null;

/**
 * Loaded on first use: a sync parses on worker threads, and its main thread need not load mailparser.
 * A parse worker calls it as it starts, so the load overlaps logging in to the server.
 */
export function loadMailparser(): Promise<typeof import('mailparser')> {
  return (mailparser ??= import('mailparser'));
}

// A file without any of these is not mail, however leniently the parser took it.
const HEADERS_EVERY_MESSAGE_HAS = new Set(['from', 'to', 'date', 'subject', 'message-id']);

/**
 * Reads one raw RFC 822 message into the fields the email channel stores. Never throws: input that is
 * no message at all comes back as `{ ok: false, error }`. Malformed but readable mail (bad dates,
 * broken encodings, missing parts) parses, with the unreadable fields null.
 */
export async function parseEmail(raw: Buffer | Uint8Array): Promise<ParseEmailResult> {
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  if (bytes.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a)) {
    return { ok: false, error: 'empty message' };
  }
  // Outside the try: a parser that cannot load is a broken install, not an unreadable message.
  const { simpleParser } = await loadMailparser();
  let mail: ParsedMail;
  try {
    mail = await simpleParser(bytes, PARSER_OPTIONS);
  } catch (error) {
    return { ok: false, error: `not a readable MIME message: ${describe(error)}` };
  }
  if (!mail.headerLines.some((line) => HEADERS_EVERY_MESSAGE_HAS.has(line.key))) {
    return { ok: false, error: 'no message headers (From, To, Date, Subject or Message-ID): not an email' };
  }
  try {
    return { ok: true, email: normalize(mail, bytes) };
  } catch (error) {
    return { ok: false, error: `could not read the message: ${describe(error)}` };
  }
}

function normalize(mail: ParsedMail, bytes: Buffer): ParsedEmail {
  const lines = mail.headerLines;
  const from = readAddresses(mail.from)[0] ?? null;
  const to = readAddresses(mail.to);
  const contentType = mail.headers.get('content-type') as StructuredHeader | undefined;
  const mimeType = contentType?.value.toLowerCase() ?? 'text/plain';
  const subject = mail.subject === undefined ? null : mail.subject.replace(/[\r\n]+/g, ' ').trim();
  const text = mail.text ?? '';
  const attachments = readAttachments(mail.attachments);
  const calendar = readCalendar(attachments);
  const fromHeader = firstHeader(lines, 'from');
  const bounce = readBounce({
    contentType: mimeType,
    reportType: contentType?.params['report-type']?.toLowerCase() ?? null,
    fromHeader,
    subject,
    text,
    attachments,
    ownAddresses: new Set([from, ...to].flatMap((a) => (a ? [a.address] : []))),
  });
  // A bounce often carries Auto-Submitted: auto-replied too; `bounce` says what it is more precisely.
  const autoReply = bounce === null && isAutoReply(lines, subject);
  const messageId = readMessageId(firstHeader(lines, 'message-id'));
  return {
    id: emailId(messageId, bytes),
    from,
    to,
    cc: readAddresses(mail.cc),
    replyTo: readAddresses(mail.replyTo),
    subject,
    date: readDateHeader(firstHeader(lines, 'date')),
    messageId,
    inReplyTo: readMessageIdList(headerValues(lines, 'in-reply-to'))[0] ?? null,
    references: readMessageIdList(headerValues(lines, 'references')),
    text,
    html: typeof mail.html === 'string' ? mail.html : null,
    attachments,
    calendar,
    bounce,
    autoReply,
    classification: classifyEmail({
      lines,
      fromHeader,
      contentType: mimeType,
      isBounce: bounce !== null,
      isAutoReply: autoReply,
      hasCalendar: calendar !== null,
    }),
  };
}

/**
 * Without a Message-ID, the raw bytes are the one thing that stays the same when the server hands the
 * message out again (a re-sync, a UIDVALIDITY change), so their digest stands in for it; a random id
 * would ingest every re-fetch as a new message.
 */
function emailId(messageId: string | null, bytes: Buffer): string {
  return stableIds.email(messageId ?? `raw-sha256:${createHash('sha256').update(bytes).digest('hex')}`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
