import type { EmailChannelHooks, RunningChannel } from '../../core/channels/channel-hooks';
import type { EmailAccount } from '../../core/email/email-account-repo';
import type { EmailStore } from '../../core/email/email-store';
import { testEmailConnection } from './connection-test/test-connection';
import { createEmailExecutor } from './send/email-executor';
import { startExecutorLoop } from './send/executor-loop';
import { createEmailChannel } from './sync/email-channel';

/** How often the outbox is looked at when nothing wakes the executor (a send wakes it at once). */
const OUTBOX_INTERVAL_MS = 15_000;

/**
 * The running email channel of the channel host: the IMAP sync, and beside it the outbox executor when
 * the account has an SMTP server, both with the account's one password.
 */
function runEmail(account: EmailAccount, password: string, emailStore: EmailStore): RunningChannel {
  const sync = createEmailChannel(account, password, emailStore);
  const smtp =
    account.smtpHost !== null && account.smtpPort !== null && account.smtpTls !== null
      ? { host: account.smtpHost, port: account.smtpPort, tls: account.smtpTls }
      : null;
  let loop: ReturnType<typeof startExecutorLoop> | null = null;
  return {
    async start() {
      await sync.start();
      if (!smtp) return;
      const executor = createEmailExecutor({ store: emailStore.store, account, smtp, password, blobs: emailStore.blobs, onChange: emailStore.notify });
      loop = startExecutorLoop(executor, {
        intervalMs: OUTBOX_INTERVAL_MS,
        onError: (error) => console.error('[switchboard] sending email failed:', error),
      });
    },
    async stop() {
      await loop?.stop();
      loop = null;
      await sync.stop();
    },
    health: () => sync.health(),
    wake: () => loop?.wake(),
  };
}

/** What a shell hands the core so it can run the email channel and test an account's settings. */
export const emailChannelHooks: EmailChannelHooks = {
  create: runEmail,
  test: testEmailConnection,
};
