import { create } from 'zustand';
import type { ChannelHealth } from '../../src-shared/domain/channel-health';
import type { ConnectionReport, EmailAccountView } from '../../src-shared/domain/email-account';
import { errorMessage } from '../format/error-message';
import { formAfterLoad, formFrom, requestFrom, type EmailForm } from './email-form';

interface EmailSettingsState {
  saved: EmailAccountView | null;
  form: EmailForm;
  report: ConnectionReport | null;
  status: ChannelHealth | null;
  busy: 'loading' | 'testing' | 'saving' | null;
  error: string | null;
  notice: string | null;
  load: () => Promise<void>;
  edit: (change: (form: EmailForm) => EmailForm) => void;
  test: () => Promise<void>;
  save: () => Promise<void>;
  refreshStatus: () => Promise<void>;
}

export const useEmailSettingsStore = create<EmailSettingsState>()((set, get) => ({
  saved: null,
  form: formFrom(null),
  report: null,
  status: null,
  busy: null,
  error: null,
  notice: null,

  load: async () => {
    set({ busy: 'loading', error: null, notice: null, report: null });
    const atLoadStart = get().form;
    try {
      const saved = await window.switchboard.request('email.account.get', {});
      set((state) => ({ saved, form: formAfterLoad(saved, state.form, atLoadStart), busy: null }));
    } catch (error) {
      set({ busy: null, error: errorMessage(error) });
    }
    void get().refreshStatus();
  },

  edit: (change) => set((state) => ({ form: change(state.form), notice: null })),

  test: async () => {
    set({ busy: 'testing', error: null, notice: null, report: null });
    try {
      const report = await window.switchboard.request('email.account.test', requestFrom(get().form));
      set({ report, busy: null });
    } catch (error) {
      set({ busy: null, error: errorMessage(error) });
    }
  },

  save: async () => {
    set({ busy: 'saving', error: null, notice: null });
    try {
      const saved = await window.switchboard.request('email.account.save', requestFrom(get().form));
      // The typed password is dropped from memory once saved; the field shows it is kept.
      set({ saved, form: formFrom(saved), busy: null, notice: 'Saved. Mail is syncing.' });
    } catch (error) {
      set({ busy: null, error: errorMessage(error) });
    }
    void get().refreshStatus();
  },

  refreshStatus: async () => {
    try {
      set({ status: await window.switchboard.request('email.account.status', {}) });
    } catch {
      // The status line keeps its last value; the connection banner already says when main is gone.
    }
  },
}));
