import { create } from 'zustand';
import type { EmailHtml } from '../../src-shared/api/email-display';
import { errorMessage } from '../format/error-message';

interface EmailHtmlState {
  status: 'loading' | 'ready' | 'error';
  email: EmailHtml | null;
  /** "Load images" for this one message, until the app is closed. */
  imagesLoaded: boolean;
}

interface EmailHtmlStore {
  byId: Record<string, EmailHtmlState>;
  error: string | null;
  load: (entryId: string) => Promise<void>;
  loadImages: (entryId: string) => void;
  allowSender: (address: string) => Promise<void>;
}

/** Fetched once per message: the HTML can be large, and a thread refetch must not reload every frame. */
export const useEmailHtmlStore = create<EmailHtmlStore>()((set, get) => {
  const patch = (entryId: string, change: Partial<EmailHtmlState>) =>
    set((state) => {
      const current = state.byId[entryId];
      return current ? { byId: { ...state.byId, [entryId]: { ...current, ...change } } } : {};
    });

  return {
    byId: {},
    error: null,

    load: async (entryId) => {
      const current = get().byId[entryId];
      if (current && current.status !== 'error') return;
      set((state) => ({ byId: { ...state.byId, [entryId]: { status: 'loading', email: null, imagesLoaded: false } } }));
      try {
        const email = await window.switchboard.request('email.html', { entryId });
        patch(entryId, { status: 'ready', email });
      } catch (error) {
        console.warn('switchboard: could not load the email', error);
        patch(entryId, { status: 'error' });
      }
    },

    loadImages: (entryId) => patch(entryId, { imagesLoaded: true }),

    // Every open message from that sender loads its images at once, as the next ones will.
    allowSender: async (address) => {
      try {
        await window.switchboard.request('email.allowRemoteContent', { address });
      } catch (error) {
        set({ error: `Could not remember ${address}: ${errorMessage(error)}` });
        return;
      }
      set((state) => ({
        error: null,
        byId: Object.fromEntries(
          Object.entries(state.byId).map(([id, entry]) => [
            id,
            entry.email?.sender === address ? { ...entry, email: { ...entry.email, remoteContentAllowed: true } } : entry,
          ]),
        ),
      }));
    },
  };
});
