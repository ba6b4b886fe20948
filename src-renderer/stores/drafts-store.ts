import { ulid } from 'ulid';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export interface Draft {
  body: string;
  /**
   * Chosen at the first submit and kept until the note is saved, so every retry of this draft (even
   * after a restart) carries the same id and main never stores the note twice.
   */
  clientId: string | null;
}

interface DraftsState {
  drafts: Record<string, Draft>;
  setBody: (conversationId: string, body: string) => void;
  clientIdFor: (conversationId: string) => string;
  clear: (conversationId: string) => void;
}

export const useDraftsStore = create<DraftsState>()(
  persist(
    (set, get) => ({
      drafts: {},

      setBody: (conversationId, body) =>
        set((state) => {
          const clientId = state.drafts[conversationId]?.clientId ?? null;
          const drafts = { ...state.drafts };
          if (body === '' && clientId === null) delete drafts[conversationId];
          else drafts[conversationId] = { body, clientId };
          return { drafts };
        }),

      clientIdFor: (conversationId) => {
        const draft = get().drafts[conversationId] ?? { body: '', clientId: null };
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
      name: 'switchboard.drafts',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ drafts: state.drafts }),
    },
  ),
);
