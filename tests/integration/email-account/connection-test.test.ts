import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEmailConnection, type ConnectionSettings } from '../../../src-main/channels/email/connection-test/test-connection';
import type { ConnectionReport } from '../../../src-shared/domain/email-account';
import { startMailServer, type MailServer } from '../../support/mail-server';
import { freePorts } from '../../support/mail-server/free-port';

let server: MailServer;

beforeAll(async () => {
  server = await startMailServer();
}, 60_000);

afterAll(async () => {
  await server?.stop();
}, 60_000);

/** Alice on the harness's plain IMAP and SMTP ports, changed by `change`. */
function alice(change: (settings: ConnectionSettings) => void = () => {}): ConnectionSettings {
  const settings: ConnectionSettings = {
    imap: { host: server.imap.host, port: server.imap.port, tls: 'none' },
    smtp: { host: server.smtp.host, port: server.smtp.port, tls: 'none' },
    user: server.users[0]!.user,
    password: server.users[0]!.password,
  };
  change(settings);
  return settings;
}

/** `server.step` → ✓ or ✗, the way Settings shows the report. */
function outline(report: ConnectionReport): string[] {
  return report.steps.map((s) => `${s.server}.${s.step} ${s.ok ? '✓' : '✗'}`);
}

function failed(report: ConnectionReport, server: 'imap' | 'smtp') {
  return report.steps.find((s) => s.server === server && !s.ok);
}

describe('Test connection', () => {
  it('passes every step for a working account', async () => {
    const report = await testEmailConnection(alice());
    expect(outline(report)).toEqual(['imap.dns ✓', 'imap.tcp ✓', 'imap.auth ✓', 'imap.inbox ✓', 'smtp.dns ✓', 'smtp.tcp ✓', 'smtp.auth ✓']);
    expect(report.ok).toBe(true);
    expect(report.steps.find((s) => s.step === 'inbox')?.message).toMatch(/^INBOX opened: \d+ messages?$/);
    for (const step of report.steps) expect(step.ms).toBeGreaterThanOrEqual(0);
  });

  it('stops at DNS for a server name that does not exist', async () => {
    const report = await testEmailConnection(alice((s) => (s.imap.host = 'mail.no-such-shop.invalid')));
    expect(outline(report).slice(0, 1)).toEqual(['imap.dns ✗']);
    expect(failed(report, 'imap')?.message).toMatch(/No server named mail\.no-such-shop\.invalid was found/);
    expect(report.ok).toBe(false);
    // SMTP is tested on its own and still passes.
    expect(failed(report, 'smtp')).toBeUndefined();
  });

  it('stops at TCP for a port nothing listens on', async () => {
    const [closed] = await freePorts(1);
    const report = await testEmailConnection(alice((s) => (s.smtp.port = closed!)));
    expect(outline(report).filter((line) => line.startsWith('smtp'))).toEqual(['smtp.dns ✓', 'smtp.tcp ✗']);
    expect(failed(report, 'smtp')?.message).toMatch(/refused a connection on port \d+: nothing listens there/);
  });

  it('stops at TLS when a plain port is set to TLS, or to STARTTLS it does not offer', async () => {
    const implicit = await testEmailConnection(alice((s) => (s.imap.tls = 'implicit')));
    expect(outline(implicit).slice(0, 3)).toEqual(['imap.dns ✓', 'imap.tcp ✓', 'imap.tls ✗']);
    expect(failed(implicit, 'imap')?.message).toMatch(/did not answer with TLS/);

    const starttls = await testEmailConnection(alice((s) => (s.imap.tls = s.smtp.tls = 'starttls')));
    expect(failed(starttls, 'imap')).toMatchObject({ step: 'tls', message: expect.stringMatching(/does not offer STARTTLS/) });
    expect(failed(starttls, 'smtp')).toMatchObject({ step: 'tls', message: expect.stringMatching(/does not offer STARTTLS/) });
  });

  it('names a certificate it cannot trust as a certificate error', async () => {
    const report = await testEmailConnection(
      alice((s) => {
        s.imap = { host: server.imaps.host, port: server.imaps.port, tls: 'implicit' };
        s.smtp = { host: server.smtps.host, port: server.smtps.port, tls: 'implicit' };
      }),
    );
    for (const side of ['imap', 'smtp'] as const) {
      expect(failed(report, side)).toMatchObject({ step: 'tls', message: expect.stringMatching(/^Certificate error: .*self-signed/) });
    }
  });

  it('stops at authentication for a wrong password, on both servers', async () => {
    const report = await testEmailConnection(alice((s) => (s.password = 'not-the-password')));
    expect(outline(report)).toEqual(['imap.dns ✓', 'imap.tcp ✓', 'imap.auth ✗', 'smtp.dns ✓', 'smtp.tcp ✓', 'smtp.auth ✗']);
    expect(failed(report, 'imap')?.message).toMatch(/refused the user name or password/);
    expect(failed(report, 'smtp')?.message).toMatch(/refused the user name or password/);
    expect(JSON.stringify(report)).not.toContain('not-the-password');
  });
});
