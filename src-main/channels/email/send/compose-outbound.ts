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
export function composeOutbound(email: OutboundEmail, from: Sender, date: Date): Promise<Buffer> {
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
  })
    .compile()
    .build();
}
