import type { AttachmentMeta, TimelineEntry } from '../../../src-shared/domain/timeline';
import { resendOnConnectionLoss } from '../resend-on-connection-loss';
import { uploadedFiles } from './upload-attachment';

export interface EmailDraftInput {
  conversationId: string;
  clientId: string;
  subject: string;
  body: string;
  attachments: AttachmentMeta[];
}

/** Safe to resend: the clientId is the outbox item's id, so a second submit finds the first one's item. */
export function sendEmail(input: EmailDraftInput): Promise<TimelineEntry> {
  return resendOnConnectionLoss(() => window.switchboard.request('email.send', { ...input, attachments: uploadedFiles(input.attachments) }));
}
