import type { AttachmentMeta } from '../../../src-shared/domain/timeline';

/**
 * Everything the executor needs to send an email item, fixed when the item is written: the executor
 * may run on another PC, later, and must send what the person saw in the composer.
 */
export interface OutboundEmail {
  to: EmailRecipient[];
  cc: EmailRecipient[];
  subject: string;
  text: string;
  /** Chosen before sending and carried by the message, so a restart can look for it in Sent. */
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  attachments: AttachmentMeta[];
}

export interface EmailRecipient {
  address: string;
  /** The contact's name as the team knows it, shown in the customer's mail client. */
  name: string;
}
