import { create } from 'zustand';
import type { TeamStatus } from '../../src-shared/domain/team';
import { errorMessage } from '../format/error-message';

export interface JoinForm {
  serverUrl: string;
  code: string;
  name: string;
}

interface TeamState {
  status: TeamStatus | null;
  form: JoinForm;
  busy: boolean;
  error: string | null;
  load: () => Promise<void>;
  edit: (change: Partial<JoinForm>) => void;
  join: () => Promise<void>;
  setSync: (sync: TeamStatus['sync']) => void;
}

export const useTeamStore = create<TeamState>()((set, get) => ({
  status: null,
  form: { serverUrl: '', code: '', name: '' },
  busy: false,
  error: null,
  load: async () => {
    try {
      set({ status: await window.switchboard.request('team.status', {}) });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  edit: (change) => set({ form: { ...get().form, ...change }, error: null }),
  join: async () => {
    set({ busy: true, error: null });
    try {
      // The form is kept until the answer: a refused code leaves what was typed in place.
      set({ status: await window.switchboard.request('team.join', get().form), form: { serverUrl: '', code: '', name: '' } });
    } catch (error) {
      set({ error: errorMessage(error) });
    } finally {
      set({ busy: false });
    }
  },
  setSync: (sync) => {
    const status = get().status;
    set({ status: status ? { ...status, sync } : { team: null, sync } });
  },
}));
