import { create } from 'zustand';
import type { OtherWhatsAppPage, OtherWhatsAppRow } from '../../src-shared/api/whatsapp-other';
import { errorMessage } from '../format/error-message';
import { SEARCH_DEBOUNCE_MS } from '../stores/search-store';

const PAGE_SIZE = 50;

interface OtherWhatsAppState {
  /** The inbox panel shows WhatsApp groups instead of conversations. */
  active: boolean;
  query: string;
  rows: OtherWhatsAppRow[];
  nextCursor: OtherWhatsAppPage['nextCursor'];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  show: () => void;
  hide: () => void;
  setQuery: (query: string) => void;
  loadMore: () => Promise<void>;
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** Only the answer to the latest list request may land. */
let latest = 0;

export const useOtherWhatsAppStore = create<OtherWhatsAppState>()((set, get) => {
  async function fetchPage(append: boolean): Promise<void> {
    const ticket = ++latest;
    const { query, nextCursor } = get();
    set({ status: 'loading', error: null });
    try {
      const page = await window.switchboard.request('whatsapp.other.list', { query: query.trim(), limit: PAGE_SIZE, before: append ? nextCursor : null });
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
  };
});
