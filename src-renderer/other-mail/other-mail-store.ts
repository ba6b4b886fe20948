import { create } from 'zustand';
import type { OtherMailMessage, OtherMailPage, OtherMailRow } from '../../src-shared/api/email-display';
import { errorMessage } from '../format/error-message';
import { SEARCH_DEBOUNCE_MS } from '../stores/search-store';

const PAGE_SIZE = 50;

interface OtherMailState {
  /** The inbox panel shows "Other mail" instead of conversations. */
  active: boolean;
  query: string;
  rows: OtherMailRow[];
  nextCursor: OtherMailPage['nextCursor'];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  selectedId: string | null;
  message: OtherMailMessage | null;
  messageError: string | null;
  show: () => void;
  hide: () => void;
  setQuery: (query: string) => void;
  loadMore: () => Promise<void>;
  select: (id: string) => Promise<void>;
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** Only the answer to the latest list request may land, as in the conversation search. */
let latest = 0;

export const useOtherMailStore = create<OtherMailState>()((set, get) => {
  async function fetchPage(append: boolean): Promise<void> {
    const ticket = ++latest;
    const { query, nextCursor } = get();
    set({ status: 'loading', error: null });
    try {
      const page = await window.switchboard.request('otherMail.list', {
        query: query.trim(),
        limit: PAGE_SIZE,
        before: append ? nextCursor : null,
      });
      if (ticket !== latest) return;
      set((state) => ({ rows: append ? [...state.rows, ...page.rows] : page.rows, nextCursor: page.nextCursor, status: 'ready' }));
    } catch (error) {
      if (ticket === latest) set({ status: 'error', error: errorMessage(error) });
    }
  }

  return {
    active: false,
    query: '',
    rows: [],
    nextCursor: null,
    status: 'idle',
    error: null,
    selectedId: null,
    message: null,
    messageError: null,

    show: () => {
      set({ active: true });
      void fetchPage(false);
    },

    hide: () => set({ active: false }),

    setQuery: (query) => {
      clearTimeout(timer);
      set({ query });
      timer = setTimeout(() => void fetchPage(false), SEARCH_DEBOUNCE_MS);
    },

    loadMore: async () => {
      if (get().nextCursor && get().status !== 'loading') await fetchPage(true);
    },

    select: async (id) => {
      set({ selectedId: id, message: null, messageError: null });
      try {
        const message = await window.switchboard.request('otherMail.get', { id });
        if (get().selectedId === id) set({ message });
      } catch (error) {
        if (get().selectedId === id) set({ messageError: errorMessage(error) });
      }
    },
  };
});
