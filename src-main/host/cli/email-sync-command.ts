import { parseArgs } from 'node:util';
import { createParsePool, type ParsePool } from '../../channels/email/sync/parse-pool';
import { DEFAULT_SYNC_OPTIONS, type SyncOptions } from '../../channels/email/sync/sync-options';
import type { EmailAccount } from '../../core/email/email-account-repo';
import type { EmailStore } from '../../core/email/email-store';
import { EMAIL_SYNC_USAGE } from './usage';

/**
 * Syncs one mailbox into a data folder: with --once a single full sync that prints what it moved,
 * otherwise a live sync (IDLE) until SIGINT or SIGTERM. The password is read from the environment
 * variable --password-env names, so it is never on a command line or in the store.
 *
 * A single sync starts its parse workers before it loads the store and IMAP code, so the workers load
 * the MIME parser on another core meanwhile instead of holding up the first messages.
 */
export async function emailSyncCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      user: { type: 'string' },
      'password-env': { type: 'string' },
      tls: { type: 'boolean' },
      'no-tls': { type: 'boolean' },
      address: { type: 'string' },
      'sender-name': { type: 'string' },
      'horizon-months': { type: 'string' },
      'chunk-size': { type: 'string' },
      'parse-workers': { type: 'string' },
      data: { type: 'string' },
      once: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const { host, user, data } = values;
  const passwordEnv = values['password-env'];
  if (!host || !values.port || !user || !passwordEnv || !data) {
    console.error(`--host, --port, --user, --password-env and --data are required.\nUsage: ${EMAIL_SYNC_USAGE}`);
    return 2;
  }
  const password = process.env[passwordEnv];
  if (password === undefined) {
    console.error(`The environment variable ${passwordEnv} (named by --password-env) is not set.`);
    return 2;
  }
  const port = Number(values.port);
  const options = {
    ...DEFAULT_SYNC_OPTIONS,
    horizonMonths: Number(values['horizon-months'] ?? DEFAULT_SYNC_OPTIONS.horizonMonths),
    chunkSize: Number(values['chunk-size'] ?? DEFAULT_SYNC_OPTIONS.chunkSize),
    parseWorkers: Number(values['parse-workers'] ?? DEFAULT_SYNC_OPTIONS.parseWorkers),
  };
  const pool = values.once ? createParsePool({ workers: options.parseWorkers }) : null;
  try {
    const [{ createCore }, { createEmailStore }] = await Promise.all([import('../../core/create-core'), import('../../core/email/email-store')]);
    const core = createCore({ dataDir: data });
    try {
      const emailStore = createEmailStore(core.store, data, core.session.workspace.id);
      const account = emailStore.saveAccount({
        address: (values.address ?? (user.includes('@') ? user : `${user}@${host}`)).toLowerCase(),
        host,
        port,
        tls: values['no-tls'] ? 'none' : values.tls || port === 993 ? 'implicit' : 'starttls',
        username: user,
        senderName: values['sender-name'] ?? null,
      });
      return pool ? await syncOnceAndReport(account, password, emailStore, options, pool) : await syncLive(account, password, emailStore, options);
    } finally {
      core.close();
    }
  } finally {
    pool?.close();
  }
}

async function syncOnceAndReport(account: EmailAccount, password: string, emailStore: EmailStore, options: SyncOptions, pool: ParsePool): Promise<number> {
  const { syncOnce } = await import('../../channels/email/sync/sync-once');
  const started = performance.now();
  const stats = await syncOnce(account, password, emailStore, options, pool);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${stats.messages} messages, ${(stats.bytes / 1e6).toFixed(2)} MB, ${seconds.toFixed(2)} s`);
  return 0;
}

async function syncLive(account: EmailAccount, password: string, emailStore: EmailStore, options: SyncOptions): Promise<number> {
  const { createEmailChannel } = await import('../../channels/email/sync/email-channel');
  const channel = createEmailChannel(account, password, emailStore, options);
  await channel.start();
  console.log(`Syncing ${account.address} live; Ctrl-C to stop.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await channel.stop();
  const { lastError } = channel.health();
  if (lastError) console.error(`Last error: ${lastError.message}`);
  return 0;
}
