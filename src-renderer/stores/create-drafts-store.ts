import { ulid } from 'ulid';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export interface DraftBase {
  /**
   * Chosen at the first submit and kept until main has the item, so every retry of this draft (even
   * after a restart) carries the same id and main never stores or sends it twice.
   */
  clientId: string | null;
}

interface DraftsState<D extends DraftBase> {
  drafts: Record<string, D>;
  edit: (conversationId: string, change: Partial<Omit<D, 'clientId'>>) => void;
  clientIdFor: (conversationId: string) => string;
  clear: (conversationId: string) => void;
}

/** Unsent drafts per conversation, kept in localStorage under `name` so a restart loses nothing typed. */
export function createDraftsStore<D extends DraftBase>(name: string, empty: D) {
  return create<DraftsState<D>>()(
    persist(
      (set, get) => ({
        drafts: {},

        edit: (conversationId, change) =>
          set((state) => ({ drafts: { ...state.drafts, [conversationId]: { ...(state.drafts[conversationId] ?? empty), ...change } } })),

        clientIdFor: (conversationId) => {
          const draft = get().drafts[conversationId] ?? empty;
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
        name,
        version: 1,
        storage: createJSONStorage(() => localStorage),
        partialize: (state) => ({ drafts: state.drafts }),
      },
    ),
  );
}
