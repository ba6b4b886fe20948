import type { EmailAccount } from '../../../core/email/email-account-repo';
import type { EmailStore } from '../../../core/email/email-store';
import { createImapClient } from './imap-connection';
import { createParsePool, type ParsePool } from './parse-pool';
import { syncAccount } from './sync-account';
import { DEFAULT_SYNC_OPTIONS, type SyncOptions, type SyncStats } from './sync-options';

/**
 * Connects, syncs everything the account has up to the horizon, and logs out. A `pool` passed in
 * (started early by the caller, see the CLI) stays the caller's to close; otherwise one is started here.
 */
export async function syncOnce(
  account: EmailAccount,
  password: string,
  emailStore: EmailStore,
  options: SyncOptions = DEFAULT_SYNC_OPTIONS,
  pool?: ParsePool,
): Promise<SyncStats> {
  const client = createImapClient(account, password);
  const stats: SyncStats = { messages: 0, bytes: 0 };
  const parsePool = pool ?? createParsePool({ workers: options.parseWorkers });
  try {
    await client.connect();
    await syncAccount({ client, account, emailStore, options, stats, parse: parsePool.parse });
  } finally {
    if (parsePool !== pool) parsePool.close();
    await client.logout().catch(() => client.close());
  }
  return stats;
}
