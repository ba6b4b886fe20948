import { create } from 'zustand';
import type { EmailDetails, EmailHtml } from '../../src-shared/api/email-display';
import { errorMessage } from '../format/error-message';
import { coalesce } from '../stores/coalesce';

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
  /** Fetches again what may have changed since (a message removed from the mailbox), never the HTML. */
  refreshDetails: () => Promise<void>;
}

/** One details request covers this many emails. */
const DETAILS_PAGE = 500;

/**
 * Fetched once per message: the HTML can be large, and a thread refetch must not reload every frame.
 * What can change later (the server reporting a message removed) is fetched again, without the HTML,
 * whenever main says conversations changed.
 */
export const useEmailHtmlStore = create<EmailHtmlStore>()((set, get) => {
  let listening = false;
  const listenForChanges = () => {
    if (listening) return;
    listening = true;
    window.switchboard.on('conversations.changed', () => {
      get()
        .refreshDetails()
        .catch((error: unknown) => console.warn('switchboard: could not refresh email details', error));
    });
  };

  const patch = (entryId: string, change: Partial<EmailHtmlState>) =>
    set((state) => {
      const current = state.byId[entryId];
      return current ? { byId: { ...state.byId, [entryId]: { ...current, ...change } } } : {};
    });

  return {
    byId: {},
    error: null,

    load: async (entryId) => {
      listenForChanges();
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

    refreshDetails: coalesce(async () => {
      const ids = Object.keys(get().byId).filter((id) => get().byId[id]?.email);
      for (let start = 0; start < ids.length; start += DETAILS_PAGE) {
        const details = await window.switchboard.request('email.details', { entryIds: ids.slice(start, start + DETAILS_PAGE) });
        for (const [id, current] of Object.entries(details)) {
          const email = get().byId[id]?.email;
          if (email && !sameDetails(email, current)) patch(id, { email: { ...email, ...current } });
        }
      }
    }),

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

function sameDetails(a: EmailDetails, b: EmailDetails): boolean {
  return a.autoReply === b.autoReply && JSON.stringify(a.calendar) === JSON.stringify(b.calendar) && JSON.stringify(a.removed) === JSON.stringify(b.removed);
}
