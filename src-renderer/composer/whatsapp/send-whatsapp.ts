import type { AttachmentMeta, TimelineEntry } from '../../../src-shared/domain/timeline';
import { resendOnConnectionLoss } from '../resend-on-connection-loss';
import { uploadedFiles } from '../email/upload-attachment';

/** Safe to resend: the clientId is the outbox item's id (and the WhatsApp message id derives from it). */
export function sendWhatsApp(input: { conversationId: string; clientId: string; body: string; attachments: AttachmentMeta[] }): Promise<TimelineEntry> {
  return resendOnConnectionLoss(() => window.switchboard.request('whatsapp.send', { ...input, attachments: uploadedFiles(input.attachments) }));
}
