import { createDraftsStore, type DraftBase } from '../../stores/create-drafts-store';

export interface SmsDraft extends DraftBase {
  body: string;
}

/** Text drafts per conversation, kept across restarts until the text is in the outbox. */
export const useSmsDraftsStore = createDraftsStore<SmsDraft>('switchboard.sms-drafts', { body: '', clientId: null });
