import { create } from 'zustand';
import type { OtherWhatsAppPage, OtherWhatsAppRow } from '../../src-shared/api/whatsapp-other';
import { pagedSearch, type PagedSearchState } from '../stores/paged-search';

type OtherWhatsAppState = PagedSearchState<OtherWhatsAppRow, NonNullable<OtherWhatsAppPage['nextCursor']>>;

/** WhatsApp groups and broadcasts, shown in place of the conversations. */
export const useOtherWhatsAppStore = create<OtherWhatsAppState>()((set, get) =>
  pagedSearch((request) => window.switchboard.request('whatsapp.other.list', request), set, get),
);
