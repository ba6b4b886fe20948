import type { ConnectionReport, MailServerSettings } from '../../../../src-shared/domain/email-account';
import type { EmailConnectionSettings } from '../../../core/channels/channel-hooks';
import { dnsStep } from './dns-step';
import { imapLoginSteps } from './imap-steps';
import { runSteps, type Step } from './run-steps';
import { smtpLoginStep } from './smtp-steps';
import { imapStartTls, smtpStartTls } from './starttls-dialogs';
import { tcpStep } from './tcp-step';
import { tlsStep } from './tls-step';

export type ConnectionSettings = EmailConnectionSettings;

/**
 * "Test connection" in Settings → Email: for IMAP and for SMTP, each step in the order a connection
 * makes them (DNS, TCP, TLS, login, and for IMAP opening INBOX), so the first ✗ says exactly what to
 * fix. There is no TLS step for a server set to plain text.
 */
export async function testEmailConnection(settings: ConnectionSettings): Promise<ConnectionReport> {
  const imapLogin = imapLoginSteps(settings);
  // Side by side, as the two servers are independent: a refused login costs seconds on each.
  const [imap, smtp] = await Promise.all([
    runSteps('imap', [...reach(settings.imap, imapStartTls), ...imapLogin.steps]).finally(imapLogin.close),
    runSteps('smtp', [...reach(settings.smtp, smtpStartTls), smtpLoginStep(settings)]),
  ]);
  const steps = [...imap, ...smtp];
  return { ok: steps.every((step) => step.ok), steps };
}

function reach({ host, port, tls }: MailServerSettings, startTls: Parameters<typeof tlsStep>[3]): Step[] {
  return [dnsStep(host), tcpStep(host, port), ...(tls === 'none' ? [] : [tlsStep(host, port, tls, startTls)])];
}
