import { create } from 'zustand';
import type { SearchHit } from '../../src-shared/api/requests';
import { errorMessage } from '../format/error-message';

export const SEARCH_DEBOUNCE_MS = 200;

interface SearchState {
  query: string;
  /** Null when no search is active and the inbox list shows instead. */
  hits: SearchHit[] | null;
  status: 'idle' | 'searching' | 'ready' | 'error';
  error: string | null;
  setQuery: (query: string) => void;
}

let timer: ReturnType<typeof setTimeout> | undefined;
/** Only the answer to the latest query may land: a slow early answer must not overwrite a later one. */
let latest = 0;

export const useSearchStore = create<SearchState>()((set) => ({
  query: '',
  hits: null,
  status: 'idle',
  error: null,
  setQuery: (query) => {
    clearTimeout(timer);
    const ticket = ++latest;
    const trimmed = query.trim();
    if (trimmed === '') {
      set({ query, hits: null, status: 'idle', error: null });
      return;
    }
    set({ query, status: 'searching', error: null });
    timer = setTimeout(async () => {
      try {
        const hits = await window.switchboard.request('search.query', { query: trimmed, limit: 50 });
        if (ticket === latest) set({ hits, status: 'ready' });
      } catch (error) {
        if (ticket === latest) set({ hits: [], status: 'error', error: errorMessage(error) });
      }
    }, SEARCH_DEBOUNCE_MS);
  },
}));
