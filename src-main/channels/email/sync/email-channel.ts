import type { ImapFlow } from 'imapflow';
import type { EmailAccount } from '../../../core/email/email-account-repo';
import type { EmailStore } from '../../../core/email/email-store';
import type { Channel, ChannelHealth, ChannelState } from '../../channel';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { createImapClient } from './imap-connection';
import { createParsePool } from './parse-pool';
import { syncAccount } from './sync-account';
import type { SyncFolder } from './sync-folders';
import { DEFAULT_SYNC_OPTIONS, type SyncOptions, type SyncStats } from './sync-options';

export interface EmailChannelOptions extends SyncOptions {
  backoff: BackoffPolicy;
  /** IDLE on INBOX does not announce mail sent from another client into Sent, so it is looked at this often. */
  recheckMs: number;
}

type Wake = 'mail' | 'recheck' | 'closed' | 'stopped';

/**
 * The email channel of the channel host: syncs the account, then waits in IDLE on INBOX and syncs
 * again as soon as the server announces new mail. A lost connection or a failed sync is retried with
 * exponential backoff until `stop`; the failure stays visible in `health()`.
 */
export function createEmailChannel(
  account: EmailAccount,
  password: string,
  emailStore: EmailStore,
  overrides: Partial<EmailChannelOptions> = {},
): Channel {
  const options: EmailChannelOptions = { ...DEFAULT_SYNC_OPTIONS, backoff: DEFAULT_BACKOFF, recheckMs: 60_000, ...overrides };
  let state: ChannelState = 'stopped';
  let lastError: ChannelHealth['lastError'] = null;
  let lastSyncedAt: number | null = null;
  let running = false;
  let loop: Promise<void> | null = null;
  let client: ImapFlow | null = null;
  // Ends whatever the loop is waiting for (IDLE or a backoff pause) when the channel is stopped.
  let interrupt: (() => void) | null = null;

  const record = (error: unknown) => {
    lastError = { message: error instanceof Error ? error.message : String(error), at: Date.now() };
  };

  async function session(synced: () => void): Promise<void> {
    const current = createImapClient(account, password);
    client = current;
    // Without a listener an 'error' event would end the process; the close that follows ends the session.
    current.on('error', record);
    state = 'connecting';
    const pool = createParsePool({ workers: options.parseWorkers });
    try {
      await current.connect();
      const stats: SyncStats = { messages: 0, bytes: 0 };
      while (running) {
        state = 'syncing';
        const [inbox] = await syncAccount({ client: current, account, emailStore, options, stats, parse: pool.parse });
        lastSyncedAt = Date.now();
        synced();
        state = 'live';
        if (!inbox || (await arrivedMeanwhile(current, inbox))) continue;
        const wake = await waitForChange(current);
        if (wake === 'closed') throw new Error('The mail server closed the connection');
      }
    } finally {
      pool.close();
    }
  }

  /** Mail that came in after the sync searched INBOX and before IDLE began is announced by no event. */
  async function arrivedMeanwhile(current: ImapFlow, inbox: SyncFolder): Promise<boolean> {
    const opened = await current.mailboxOpen(inbox.path, { readOnly: true });
    return opened.uidNext - 1 > (emailStore.checkpoint(account.id, inbox.path)?.lastUid ?? 0);
  }

  function waitForChange(current: ImapFlow): Promise<Wake> {
    return new Promise((resolve) => {
      const finish = (wake: Wake) => {
        current.off('exists', onExists);
        current.off('expunge', onExpunge);
        current.off('close', onClose);
        clearTimeout(timer);
        interrupt = null;
        resolve(wake);
      };
      const onExists = (event: { count: number; prevCount: number }) => {
        if (event.count > event.prevCount) finish('mail');
      };
      // Another client deleted or moved a message: the next sync records it (QRESYNC).
      const onExpunge = () => finish('mail');
      const onClose = () => finish('closed');
      const timer = setTimeout(() => finish('recheck'), options.recheckMs);
      interrupt = () => finish('stopped');
      current.on('exists', onExists);
      current.on('expunge', onExpunge);
      current.on('close', onClose);
      // IDLE ends by itself when the next command is sent, which is the sync this wake-up starts.
      current.idle().catch(() => finish('closed'));
    });
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        interrupt = null;
        resolve();
      }
      interrupt = done;
    });
  }

  async function run(): Promise<void> {
    let attempt = 0;
    while (running) {
      try {
        // Backoff restarts only once a sync has gone through, not on every connect, so a server that
        // accepts the login and then fails is not retried at full speed.
        await session(() => (attempt = 0));
      } catch (error) {
        if (running) record(error);
      } finally {
        client?.close();
        client = null;
      }
      if (!running) break;
      state = 'reconnecting';
      await pause(backoffDelay(attempt++, options.backoff));
    }
    state = 'stopped';
  }

  return {
    async start() {
      if (running) return;
      running = true;
      loop = run();
    },

    async stop() {
      running = false;
      interrupt?.();
      await client?.logout().catch(() => client?.close());
      await loop;
      loop = null;
    },

    health: () => ({ state, lastError, lastSyncedAt }),
  };
}
