import { readBounceText } from './bounce-text';
import { pickFailedRecipient, readDeliveryStatus } from './delivery-status';
import { isDeliveryDaemon, isMachineSender } from './machine-senders';
import { readMessageId } from './message-ids';
import { findEnhancedStatus } from './status-code';
import type { Bounce, EmailAttachment } from './parsed-email';

export interface BounceInput {
  /** Top-level Content-Type value and its report-type parameter, lowercased. */
  contentType: string;
  reportType: string | null;
  fromHeader: string | null;
  subject: string | null;
  text: string;
  attachments: EmailAttachment[];
  /** The bounce's own From and To: never the recipient that failed. */
  ownAddresses: Set<string>;
}

const DELIVERY_STATUS_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const RETURNED_MESSAGE_TYPES = new Set(['message/rfc822', 'message/global', 'text/rfc822-headers', 'message/rfc822-headers']);
const BOUNCE_SUBJECT =
  /undeliver|returned mail|returned to sender|delivery (?:status notification|failure|has failed|failed|notification)|mail delivery failed|failure notice|non-?delivery|could not be delivered|mail system error|メールエラー|配信エラー|送信エラー/i;

/**
 * A delivery report about a message we sent, or null. An RFC 3464 report (multipart/report;
 * report-type=delivery-status) is read field by field; for the many MTAs that write bounces for people
 * only, the text is read (see readBounceText). Other reports (spam feedback, read receipts) are no bounce.
 */
export function readBounce(input: BounceInput): Bounce | null {
  const isReport = input.contentType === 'multipart/report';
  if (isReport && input.reportType !== null && input.reportType !== 'delivery-status') return null;
  const statusPart = input.attachments.find((a) => DELIVERY_STATUS_TYPES.has(a.contentType));
  const returned = input.attachments.find((a) => RETURNED_MESSAGE_TYPES.has(a.contentType));
  const returnedId = returned ? messageIdOf(returned) : null;

  let bounce: Bounce;
  if (statusPart || isReport) {
    const recipients = statusPart ? readDeliveryStatus(decodeReport(statusPart.content)) : [];
    const failed = pickFailedRecipient(recipients);
    if (recipients.length > 0 && failed === null) return null;
    const fromText = readBounceText(input.text, input.ownAddresses);
    const diagnostic = failed?.diagnostic ?? fromText.diagnostic;
    bounce = {
      status: refineStatus(failed?.status ?? fromText.status, diagnostic),
      recipient: failed?.recipient ?? fromText.recipient,
      diagnostic,
      originalMessageId: returnedId ?? fromText.originalMessageId,
    };
  } else {
    const subjectSaysBounce = BOUNCE_SUBJECT.test(input.subject ?? '');
    const looksLikeBounce =
      isDeliveryDaemon(input.fromHeader) || (subjectSaysBounce && (isMachineSender(input.fromHeader) || returned !== undefined));
    if (!looksLikeBounce) return null;
    const fromText = readBounceText(input.text, input.ownAddresses);
    bounce = { ...fromText, originalMessageId: returnedId ?? fromText.originalMessageId };
  }
  // A report that names no failed delivery and no returned message cannot mark anything failed: it is a
  // notice (classification still files it as automated), not a bounce.
  return bounce.status === null && bounce.recipient === null && bounce.originalMessageId === null ? null : bounce;
}

/**
 * Many MTAs put the generic X.0.0 in the Status field and the precise code only in the remote server's
 * reply (`550 5.1.1 User unknown`); the precise one says more about what to fix.
 */
function refineStatus(status: string | null, diagnostic: string | null): string | null {
  if (status === null || !status.endsWith('.0.0')) return status;
  const precise = diagnostic === null ? undefined : findEnhancedStatus(diagnostic)?.code;
  return precise?.startsWith(status.charAt(0)) ? precise : status;
}

/**
 * Delivery-status parts are ASCII by the RFC, except the remote server's own words. Japanese carriers
 * send those in ISO-2022-JP without saying so; its escape sequences give it away.
 */
function decodeReport(content: Uint8Array): string {
  const isIso2022Jp = Buffer.from(content).includes('\x1b$B');
  return new TextDecoder(isIso2022Jp ? 'iso-2022-jp' : 'utf-8').decode(content);
}

/** The Message-ID in the header section of a returned message or its headers-only copy. */
function messageIdOf(part: EmailAttachment): string | null {
  const head = new TextDecoder().decode(part.content).split(/\r?\n\r?\n/)[0] ?? '';
  const header = /^Message-ID:[ \t]*(.*(?:\r?\n[ \t]+.*)*)/im.exec(head)?.[1];
  return readMessageId(header ?? null);
}
