import { create } from 'zustand';
import type { ConversationDetail } from '../../src-shared/api/requests';
import type { TimelineEntry } from '../../src-shared/domain/timeline';
import { errorMessage } from '../format/error-message';
import { useInboxStore } from './inbox-store';
import { coalesce } from './coalesce';

interface ThreadState {
  openId: string | null;
  /** Kept while the same conversation refetches, so a refresh never blanks the screen. */
  detail: ConversationDetail | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  open: (conversationId: string) => Promise<void>;
  refresh: () => Promise<void>;
  addEntry: (entry: TimelineEntry) => void;
}


function newestAt(detail: ConversationDetail): number | null {
  let newest: number | null = null;
  for (const entry of detail.entries) if (newest === null || entry.occurredAt > newest) newest = entry.occurredAt;
  return newest;
}

async function markRead(detail: ConversationDetail): Promise<void> {
  const upTo = newestAt(detail);
  if (upTo === null) return;
  const conversationId = detail.conversation.id;
  try {
    const { unreadCount } = await window.switchboard.request('conversations.markRead', { conversationId, upTo });
    useInboxStore.getState().patchRow(conversationId, { unreadCount });
  } catch (error) {
    // Unread state is cosmetic: the conversation stays readable, and the next open tries again.
    console.warn('switchboard: could not mark the conversation read', error);
  }
}

export const useThreadStore = create<ThreadState>()((set, get) => {
  async function fetchOpen(): Promise<void> {
    const conversationId = get().openId;
    if (conversationId === null) return;
    try {
      const detail = await window.switchboard.request('conversations.get', { conversationId });
      if (get().openId !== conversationId) return;
      set({ detail, status: 'ready', error: null });
      if (detail.conversation.unreadCount > 0) void markRead(detail);
    } catch (error) {
      if (get().openId !== conversationId) return;
      if (get().detail === null) set({ status: 'error', error: errorMessage(error) });
      else console.warn('switchboard: could not refresh the open conversation', error);
    }
  }

  return {
    openId: null,
    detail: null,
    status: 'idle',
    error: null,

    open: async (conversationId) => {
      if (get().openId === conversationId && get().status !== 'error') return;
      set({ openId: conversationId, detail: null, status: 'loading', error: null });
      try {
        const detail = await window.switchboard.request('conversations.get', { conversationId });
        if (get().openId !== conversationId) return;
        set({ detail, status: 'ready' });
        void markRead(detail);
      } catch (error) {
        if (get().openId === conversationId) set({ status: 'error', error: errorMessage(error) });
      }
    },

    refresh: coalesce(() => fetchOpen()),

    // The note we just added shows at once, without waiting for the change event's refetch.
    addEntry: (entry) =>
      set((state) => {
        if (state.detail?.conversation.id !== entry.conversationId) return {};
        if (state.detail.entries.some((existing) => existing.id === entry.id)) return {};
        const entries = [...state.detail.entries, entry].sort((a, b) => a.occurredAt - b.occurredAt);
        return { detail: { ...state.detail, entries } };
      }),
  };
});
