import { create } from 'zustand';
import type { OtherMailMessage, OtherMailPage, OtherMailRow } from '../../src-shared/api/email-display';
import { errorMessage } from '../format/error-message';
import { pagedSearch, type PagedSearchState } from '../stores/paged-search';

interface OtherMailState extends PagedSearchState<OtherMailRow, NonNullable<OtherMailPage['nextCursor']>> {
  selectedId: string | null;
  message: OtherMailMessage | null;
  messageError: string | null;
  select: (id: string) => Promise<void>;
}

/** "Other mail" (lists, newsletters, notices), shown in place of the conversations, and the message opened. */
export const useOtherMailStore = create<OtherMailState>()((set, get) => ({
  ...pagedSearch((request) => window.switchboard.request('otherMail.list', request), set, get),
  selectedId: null,
  message: null,
  messageError: null,

  select: async (id) => {
    set({ selectedId: id, message: null, messageError: null });
    try {
      const message = await window.switchboard.request('otherMail.get', { id });
      if (get().selectedId === id) set({ message });
    } catch (error) {
      if (get().selectedId === id) set({ messageError: errorMessage(error) });
    }
  },
}));
