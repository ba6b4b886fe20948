import { createDraftsStore, type DraftBase } from '../../stores/create-drafts-store';

export interface WhatsAppDraft extends DraftBase {
  body: string;
}

/** WhatsApp drafts per conversation, kept across restarts until the message is in the outbox. */
export const useWhatsAppDraftsStore = createDraftsStore<WhatsAppDraft>('switchboard.whatsapp-drafts', { body: '', clientId: null });
