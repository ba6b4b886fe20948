import type { AttachmentMeta, TimelineEntry } from '../../../src-shared/domain/timeline';
import { resendOnConnectionLoss } from '../resend-on-connection-loss';

export interface EmailDraftInput {
  conversationId: string;
  clientId: string;
  subject: string;
  body: string;
  attachments: AttachmentMeta[];
}

/** Safe to resend: the clientId is the outbox item's id, so a second submit finds the first one's item. */
export function sendEmail(input: EmailDraftInput): Promise<TimelineEntry> {
  const attachments = input.attachments.map(({ filename, contentType, size, sha256 }) => ({ filename, contentType, size, sha256: sha256 ?? '' }));
  return resendOnConnectionLoss(() => window.switchboard.request('email.send', { ...input, attachments }));
}
