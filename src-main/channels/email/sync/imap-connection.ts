import { ImapFlow } from 'imapflow';
import type { EmailAccount } from '../../../core/email/email-account-repo';

/**
 * An imapflow client for the account. The password is passed in, never read from the store. Auto-IDLE
 * is off because it only starts after 15 s of quiet; the channel starts IDLE itself right after each
 * sync, so new mail is seen within the second the server takes to announce it.
 */
export function createImapClient(account: Pick<EmailAccount, 'host' | 'port' | 'tls' | 'username'>, password: string): ImapFlow {
  return new ImapFlow({
    host: account.host,
    port: account.port,
    secure: account.tls === 'implicit',
    // STARTTLS is required when asked for, so a stripped capability list cannot downgrade the login.
    doSTARTTLS: account.tls === 'implicit' ? undefined : account.tls === 'starttls',
    auth: { user: account.username, pass: password },
    logger: false,
    disableAutoIdle: true,
    // Where the server offers it (Dovecot does), a CHANGEDSINCE fetch also reports what was expunged
    // since, by UID (VANISHED), and IDLE announces expunges by UID as well.
    qresync: true,
  });
}
