import type { AttachmentMeta } from '../../../src-shared/domain/timeline';
import { createDraftsStore, type DraftBase } from '../../stores/create-drafts-store';

export interface WhatsAppDraft extends DraftBase {
  body: string;
  /** At most one: WhatsApp sends one file per message, the text as its caption. */
  attachments: AttachmentMeta[];
}

/** WhatsApp drafts per conversation, kept across restarts until the message is in the outbox. */
export const useWhatsAppDraftsStore = createDraftsStore<WhatsAppDraft>('switchboard.whatsapp-drafts', { body: '', attachments: [], clientId: null });
