import { create } from 'zustand';
import type { SessionInfo } from '../../src-shared/api/requests';
import { errorMessage } from '../format/error-message';

interface SessionState {
  session: SessionInfo | null;
  error: string | null;
  load: () => Promise<void>;
}

export const useSessionStore = create<SessionState>()((set) => ({
  session: null,
  error: null,
  load: async () => {
    try {
      const session = await window.switchboard.request('session.get', {});
      set({ session, error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
}));
