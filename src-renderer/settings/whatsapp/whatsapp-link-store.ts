import { create } from 'zustand';
import type { WhatsAppLink } from '../../../src-shared/domain/whatsapp-link';
import { errorMessage } from '../../format/error-message';

interface WhatsAppLinkState {
  link: WhatsAppLink | null;
  busy: boolean;
  error: string | null;
  load: () => Promise<void>;
  set: (link: WhatsAppLink) => void;
  start: () => Promise<void>;
  remove: () => Promise<void>;
}

/** The WhatsApp link as the channel host reports it; the `whatsapp.link` event keeps it current. */
export const useWhatsAppLinkStore = create<WhatsAppLinkState>()((set) => {
  const act = async (name: 'whatsapp.link.start' | 'whatsapp.link.remove') => {
    set({ busy: true, error: null });
    try {
      set({ link: await window.switchboard.request(name, {}), busy: false });
    } catch (error) {
      set({ busy: false, error: errorMessage(error) });
    }
  };
  return {
    link: null,
    busy: false,
    error: null,
    load: async () => {
      try {
        set({ link: await window.switchboard.request('whatsapp.link.get', {}) });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
    set: (link) => set({ link }),
    start: () => act('whatsapp.link.start'),
    remove: () => act('whatsapp.link.remove'),
  };
});

/** Follows the host's link changes for as long as the returned function is not called. */
export function followWhatsAppLink(): () => void {
  void useWhatsAppLinkStore.getState().load();
  return window.switchboard.on('whatsapp.link', ({ link }) => useWhatsAppLinkStore.getState().set(link));
}
