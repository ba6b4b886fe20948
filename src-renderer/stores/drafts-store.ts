import { createDraftsStore, type DraftBase } from './create-drafts-store';

export interface Draft extends DraftBase {
  body: string;
}

/** Internal-note drafts per conversation. */
export const useDraftsStore = createDraftsStore<Draft>('switchboard.drafts', { body: '', clientId: null });
