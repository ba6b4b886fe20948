import { ulid } from 'ulid';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export interface EmailDraft {
  /** Null until the person edits it; the composer shows "Re: <last subject>" meanwhile. */
  subject: string | null;
  body: string;
  /** Chosen at the first submit and kept until the email is queued, so every retry is one outbox item. */
  clientId: string | null;
}

const EMPTY: EmailDraft = { subject: null, body: '', clientId: null };

interface EmailDraftsState {
  drafts: Record<string, EmailDraft>;
  edit: (conversationId: string, change: Partial<Pick<EmailDraft, 'subject' | 'body'>>) => void;
  clientIdFor: (conversationId: string) => string;
  clear: (conversationId: string) => void;
}

/** Email drafts per conversation, kept across restarts until the email is in the outbox. */
export const useEmailDraftsStore = create<EmailDraftsState>()(
  persist(
    (set, get) => ({
      drafts: {},

      edit: (conversationId, change) =>
        set((state) => ({ drafts: { ...state.drafts, [conversationId]: { ...(state.drafts[conversationId] ?? EMPTY), ...change } } })),

      clientIdFor: (conversationId) => {
        const draft = get().drafts[conversationId] ?? EMPTY;
        if (draft.clientId !== null) return draft.clientId;
        const clientId = ulid();
        set((state) => ({ drafts: { ...state.drafts, [conversationId]: { ...draft, clientId } } }));
        return clientId;
      },

      clear: (conversationId) =>
        set((state) => {
          const drafts = { ...state.drafts };
          delete drafts[conversationId];
          return { drafts };
        }),
    }),
    {
      name: 'switchboard.email-drafts',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ drafts: state.drafts }),
    },
  ),
);
