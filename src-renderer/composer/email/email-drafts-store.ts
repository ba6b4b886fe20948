import { createDraftsStore, type DraftBase } from '../../stores/create-drafts-store';

export interface EmailDraft extends DraftBase {
  /** Null until the person edits it; the composer shows "Re: <last subject>" meanwhile. */
  subject: string | null;
  body: string;
}

/** Email drafts per conversation, kept across restarts until the email is in the outbox. */
export const useEmailDraftsStore = createDraftsStore<EmailDraft>('switchboard.email-drafts', { subject: null, body: '', clientId: null });
