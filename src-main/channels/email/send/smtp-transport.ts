import nodemailer from 'nodemailer';
import type { MailServerSettings } from '../../../../src-shared/domain/email-account';

export interface SmtpLogin {
  server: MailServerSettings;
  user: string;
  password: string;
}

/**
 * A nodemailer SMTP transport. STARTTLS is required when the settings ask for it, so a stripped EHLO
 * cannot downgrade the login, and skipped for `none`; the timeouts keep one dead server from holding
 * the queue for nodemailer's default ten minutes.
 */
export function createSmtpTransport({ server, user, password }: SmtpLogin) {
  return nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.tls === 'implicit',
    requireTLS: server.tls === 'starttls',
    ignoreTLS: server.tls === 'none',
    auth: { user, pass: password },
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
}
