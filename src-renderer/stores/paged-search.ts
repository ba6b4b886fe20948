import { errorMessage } from '../format/error-message';
import { SEARCH_DEBOUNCE_MS } from './search-store';

const PAGE_SIZE = 50;

/** A list shown in place of the conversations (Other mail, WhatsApp groups): searched, paged, newest first. */
export interface PagedSearchState<Row, Cursor> {
  /** The inbox panel shows this list instead of conversations. */
  active: boolean;
  query: string;
  rows: Row[];
  nextCursor: Cursor | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  show: () => void;
  hide: () => void;
  setQuery: (query: string) => void;
  loadMore: () => Promise<void>;
}

type Fetch<Row, Cursor> = (request: { query: string; limit: number; before: Cursor | null }) => Promise<{ rows: Row[]; nextCursor: Cursor | null }>;

/**
 * The state and actions of such a list, for a zustand store to spread into its own. Typing is
 * debounced like the conversation search, and only the answer to the latest request may land.
 */
export function pagedSearch<Row, Cursor, State extends PagedSearchState<Row, Cursor>>(
  fetch: Fetch<Row, Cursor>,
  set: (partial: Partial<State> | ((state: State) => Partial<State>)) => void,
  get: () => State,
): PagedSearchState<Row, Cursor> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0;

  async function fetchPage(append: boolean): Promise<void> {
    const ticket = ++latest;
    const { query, nextCursor } = get();
    set({ status: 'loading', error: null } as Partial<State>);
    try {
      const page = await fetch({ query: query.trim(), limit: PAGE_SIZE, before: append ? nextCursor : null });
      if (ticket !== latest) return;
      set((state) => ({ rows: append ? [...state.rows, ...page.rows] : page.rows, nextCursor: page.nextCursor, status: 'ready' }) as Partial<State>);
    } catch (error) {
      if (ticket === latest) set({ status: 'error', error: errorMessage(error) } as Partial<State>);
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
      set({ active: true } as Partial<State>);
      void fetchPage(false);
    },
    hide: () => set({ active: false } as Partial<State>),
    setQuery: (query) => {
      clearTimeout(timer);
      set({ query } as Partial<State>);
      timer = setTimeout(() => void fetchPage(false), SEARCH_DEBOUNCE_MS);
    },
    loadMore: async () => {
      if (get().nextCursor && get().status !== 'loading') await fetchPage(true);
    },
  };
}
