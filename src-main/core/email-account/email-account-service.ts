import type { EmailAccountInput } from '../../../src-shared/api/email-account-input';
import { ApiError } from '../../../src-shared/api/result';
import type { ChannelHealth } from '../../../src-shared/domain/channel-health';
import type { ConnectionReport, EmailAccountView } from '../../../src-shared/domain/email-account';
import type { EmailChannelHooks } from '../channels/channel-hooks';
import { createChannelSlot } from '../channels/channel-slot';
import { currentEmailAccount, type EmailAccount } from '../email/email-account-repo';
import { createEmailStore } from '../email/email-store';
import { SecretStoreError, type SecretStore } from '../secrets/secret-store';
import type { Store } from '../store/open-store';
import { accountSettings, accountView } from './account-view';

export interface EmailAccountDeps {
  store: Store;
  dataDir: string;
  workspaceId: string;
  secrets: SecretStore;
  /** Hears which conversations synced mail changed, once committed. */
  onChanged: (conversationIds: string[]) => void;
  /** Absent where no channel may run (tests of the core alone): accounts save, nothing connects. */
  hooks: EmailChannelHooks | undefined;
}

const passwordName = (account: EmailAccount) => `email-password:${account.id}`;

/**
 * Settings → Email, and the live email channel that follows it. The password goes to the secret
 * store only: it is never in a row, an answer to the renderer or an event. Saving restarts the
 * channel with the new settings; `resume` starts it when the app starts.
 */
export function createEmailAccountService({ store, dataDir, workspaceId, secrets, onChanged, hooks }: EmailAccountDeps) {
  const emailStore = createEmailStore(store, dataDir, workspaceId, onChanged);
  const slot = createChannelSlot();
  const current = () => currentEmailAccount(store.db, workspaceId);

  function hasPassword(account: EmailAccount): boolean {
    try {
      return secrets.get(passwordName(account)) !== null;
    } catch {
      return false;
    }
  }

  async function follow(account: EmailAccount, password: string | null): Promise<void> {
    if (!hooks) return;
    if (password === null) {
      return slot.idle(secrets.unavailableReason ?? 'No password is saved for this account. Enter it in Settings → Email and save.');
    }
    await slot.run(() => hooks.create(account, password, emailStore));
  }

  return {
    get(): EmailAccountView | null {
      const account = current();
      return account && accountView(account, hasPassword(account));
    },

    async save(input: EmailAccountInput): Promise<EmailAccountView> {
      const locked = secrets.unavailableReason;
      if (locked && input.password !== undefined) throw new ApiError('conflict', locked);
      const previous = current();
      const account = emailStore.saveAccount(accountSettings(input));
      const password = locked
        ? null
        : guard(() => {
            // A changed server or user name makes a new account; the password saved for the old one carries over.
            const kept = input.password ?? secrets.get(passwordName(account)) ?? (previous ? secrets.get(passwordName(previous)) : null);
            if (kept !== null) secrets.set(passwordName(account), kept);
            return kept;
          });
      await follow(account, password);
      return accountView(account, password !== null);
    },

    async test(input: EmailAccountInput): Promise<ConnectionReport> {
      if (!hooks) throw new ApiError('conflict', 'Email cannot connect from this process.');
      const account = current();
      const password = input.password ?? guard(() => (account ? secrets.get(passwordName(account)) : null));
      if (password === null) throw new ApiError('invalid_input', 'Enter the password to test the connection.');
      return hooks.test({ imap: input.imap, smtp: input.smtp, user: input.user, password });
    },

    status(): ChannelHealth {
      return slot.health();
    },

    /** Tells the running channel that mail waits in the outbox. */
    wake: () => slot.wake(),

    async resume(): Promise<void> {
      const account = current();
      if (!account || !hooks) return;
      try {
        await follow(account, secrets.get(passwordName(account)));
      } catch (error) {
        if (!(error instanceof SecretStoreError)) throw error;
        await slot.idle(`The saved password cannot be read. ${error.message}`);
      }
    },

    close: () => slot.close(),
  };
}

export type EmailAccountService = ReturnType<typeof createEmailAccountService>;

/** A secret store's refusal is for the person at the screen, so it reaches them as the answer. */
function guard<T>(use: () => T): T {
  try {
    return use();
  } catch (error) {
    if (error instanceof SecretStoreError) throw new ApiError('conflict', error.message);
    throw error;
  }
}
