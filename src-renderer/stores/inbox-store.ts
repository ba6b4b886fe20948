import { create } from 'zustand';
import type { ConversationList } from '../../src-shared/api/requests';
import type { ConversationSummary, InboxCounts, InboxFilter } from '../../src-shared/domain/conversation';
import { errorMessage } from '../format/error-message';
import { coalesce } from './coalesce';

const PAGE_SIZE = 100;

type Cursor = NonNullable<ConversationList['nextCursor']>;

interface InboxState {
  filter: InboxFilter;
  rows: ConversationSummary[];
  counts: InboxCounts | null;
  nextCursor: Cursor | null;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  loadingMore: boolean;
  /** Set when a next page failed; stops the scroll-triggered loader from retrying in a tight loop. */
  moreError: string | null;
  setFilter: (filter: InboxFilter) => void;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
  patchRow: (conversationId: string, patch: Partial<ConversationSummary>) => void;
}

/** Bumped on every filter change, so answers to a request made for the previous filter are dropped. */
let generation = 0;

/** The list is ordered newest first by (lastAt, id); this says whether a row lies past a page's cursor. */
function isPastCursor(row: ConversationSummary, cursor: Cursor): boolean {
  return row.lastAt < cursor.lastAt || (row.lastAt === cursor.lastAt && row.id < cursor.id);
}

/**
 * A refresh refetches only the first page: activity moves conversations to the top, so the rows already
 * loaded beyond that page stay valid, minus the ones that moved up into it.
 */
function mergeFirstPage(state: InboxState, page: ConversationList): Partial<InboxState> {
  const base = { counts: page.counts, status: 'ready' as const, error: null, moreError: null };
  if (page.nextCursor === null) return { ...base, rows: page.rows, nextCursor: null };
  const cursor = page.nextCursor;
  const onFirstPage = new Set(page.rows.map((row) => row.id));
  const rest = state.rows.filter((row) => !onFirstPage.has(row.id) && isPastCursor(row, cursor));
  return {
    ...base,
    rows: rest.length > 0 ? [...page.rows, ...rest] : page.rows,
    nextCursor: rest.length > 0 ? state.nextCursor : cursor,
  };
}

export const useInboxStore = create<InboxState>()((set, get) => {
  async function fetchFirstPage(): Promise<void> {
    const startedIn = generation;
    const { filter } = get();
    try {
      const page = await window.switchboard.request('conversations.list', { filter, limit: PAGE_SIZE, before: null });
      if (startedIn === generation) set((state) => mergeFirstPage(state, page));
    } catch (error) {
      if (startedIn === generation) set({ status: 'error', error: errorMessage(error) });
    }
  }

  return {
    filter: 'all',
    rows: [],
    counts: null,
    nextCursor: null,
    status: 'loading',
    error: null,
    loadingMore: false,
    moreError: null,

    setFilter: (filter) => {
      if (filter === get().filter) return;
      generation += 1;
      set({ filter, rows: [], nextCursor: null, status: 'loading', error: null, loadingMore: false, moreError: null });
      void get().refresh();
    },

    refresh: coalesce(() => fetchFirstPage()),

    loadMore: async () => {
      const { nextCursor, loadingMore, filter } = get();
      if (nextCursor === null || loadingMore) return;
      const startedIn = generation;
      set({ loadingMore: true, moreError: null });
      try {
        const page = await window.switchboard.request('conversations.list', {
          filter,
          limit: PAGE_SIZE,
          before: nextCursor,
        });
        if (startedIn !== generation) return;
        set((state) => {
          const loaded = new Set(state.rows.map((row) => row.id));
          return {
            rows: [...state.rows, ...page.rows.filter((row) => !loaded.has(row.id))],
            nextCursor: page.nextCursor,
            counts: page.counts,
            loadingMore: false,
          };
        });
      } catch (error) {
        if (startedIn === generation) set({ loadingMore: false, moreError: errorMessage(error) });
      }
    },

    patchRow: (conversationId, patch) =>
      set((state) => ({ rows: state.rows.map((row) => (row.id === conversationId ? { ...row, ...patch } : row)) })),
  };
});
