import type { AttachmentMeta } from '../../../src-shared/domain/timeline';
import { createDraftsStore, type DraftBase } from '../../stores/create-drafts-store';

export interface EmailDraft extends DraftBase {
  /** Null until the person edits it; the composer shows "Re: <last subject>" meanwhile. */
  subject: string | null;
  body: string;
  /** Files already stored in main (by sha256), so they survive a failed send and a restart. */
  attachments: AttachmentMeta[];
}

/** Email drafts per conversation, kept across restarts until the email is in the outbox. */
export const useEmailDraftsStore = createDraftsStore<EmailDraft>('switchboard.email-drafts', { subject: null, body: '', attachments: [], clientId: null });
