import type { EmailAccountInput } from '../../../src-shared/api/email-account-input';
import type { EmailAccountView } from '../../../src-shared/domain/email-account';
import type { EmailAccount, EmailAccountSettings } from '../email/email-account-repo';

export function accountView(account: EmailAccount, hasPassword: boolean): EmailAccountView {
  const { smtpHost, smtpPort, smtpTls } = account;
  return {
    address: account.address,
    senderName: account.senderName,
    imap: { host: account.host, port: account.port, tls: account.tls },
    smtp: smtpHost !== null && smtpPort !== null && smtpTls !== null ? { host: smtpHost, port: smtpPort, tls: smtpTls } : null,
    user: account.username,
    hasPassword,
  };
}

export function accountSettings(input: EmailAccountInput): EmailAccountSettings {
  return {
    address: input.address,
    senderName: input.senderName || null,
    host: input.imap.host,
    port: input.imap.port,
    tls: input.imap.tls,
    username: input.user,
    smtpHost: input.smtp.host,
    smtpPort: input.smtp.port,
    smtpTls: input.smtp.tls,
  };
}
