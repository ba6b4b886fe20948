import { create } from 'zustand';
import { errorMessage } from '../format/error-message';

/** How long "Merge undone." stays before the notice clears itself. */
const UNDONE_NOTICE_MS = 4000;

export interface ContactRef {
  id: string;
  name: string;
}

export type MergeNotice =
  | { kind: 'merged'; mergeId: string; survivorName: string; mergedName: string }
  | { kind: 'undone' };

interface MergeState {
  /** Kept for the whole session, so the Undo stays at hand while someone checks other conversations. */
  notice: MergeNotice | null;
  undoing: boolean;
  undoError: string | null;
  /** Throws the server's error, so the picker can show it next to the choice that caused it. */
  merge: (survivor: ContactRef, merged: ContactRef) => Promise<void>;
  undo: () => Promise<void>;
  dismiss: () => void;
}

export const useMergeStore = create<MergeState>()((set, get) => ({
  notice: null,
  undoing: false,
  undoError: null,

  merge: async (survivor, merged) => {
    const { mergeId } = await window.switchboard.request('contacts.merge', { survivorId: survivor.id, mergedId: merged.id });
    set({
      notice: { kind: 'merged', mergeId, survivorName: survivor.name, mergedName: merged.name },
      undoing: false,
      undoError: null,
    });
  },

  undo: async () => {
    const { notice, undoing } = get();
    if (notice?.kind !== 'merged' || undoing) return;
    set({ undoing: true, undoError: null });
    try {
      await window.switchboard.request('contacts.undoMerge', { mergeId: notice.mergeId });
      // A merge made while the undo was on its way owns the notice now.
      if (get().notice !== notice) return;
      const undone: MergeNotice = { kind: 'undone' };
      set({ notice: undone, undoing: false });
      setTimeout(() => {
        if (get().notice === undone) set({ notice: null });
      }, UNDONE_NOTICE_MS);
    } catch (error) {
      if (get().notice === notice) set({ undoing: false, undoError: errorMessage(error) });
    }
  },

  dismiss: () => set({ notice: null, undoing: false, undoError: null }),
}));
