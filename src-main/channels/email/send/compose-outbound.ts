import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutboundEmail } from '../../../core/outbox/outbound-payload';

export interface Sender {
  address: string;
  name: string | null;
}

/**
 * The message as bytes, built once: the same bytes go to SMTP and into Sent, so the copy in Sent is
 * exactly what the customer received, Message-ID and reply headers included.
 */
export function composeOutbound(email: OutboundEmail, from: Sender, date: Date, blobPath: (sha256: string) => string): Promise<Buffer> {
  return new MailComposer({
    from: { name: from.name ?? '', address: from.address },
    to: email.to,
    cc: email.cc,
    subject: email.subject,
    text: email.text,
    messageId: email.messageId,
    inReplyTo: email.inReplyTo ?? undefined,
    references: email.references,
    date,
    // Streamed from the blob store; nodemailer picks the encoding and writes RFC 2231 names as needed.
    attachments: email.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      path: blobPath(attachment.sha256 ?? ''),
    })),
  })
    .compile()
    .build();
}
