import { randomUUID } from 'node:crypto';
import type { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectImap, startMailServer, type MailServer } from '../../support/mail-server';

let server: MailServer;

beforeAll(async () => {
  server = await startMailServer();
}, 60_000);

afterAll(async () => {
  await server?.stop();
}, 60_000);

function newMessageId(): string {
  return `<${randomUUID()}@${server.domain}>`;
}

/** Resolves with the new EXISTS count when the selected mailbox grows, as seen during IDLE. */
function nextExists(client: ImapFlow): Promise<number> {
  return new Promise((resolve) => {
    const onExists = (event: { count: number; prevCount: number }) => {
      if (event.count > event.prevCount) {
        client.off('exists', onExists);
        resolve(event.count);
      }
    };
    client.on('exists', onExists);
  });
}

async function startIdle(client: ImapFlow): Promise<void> {
  void client.idle();
  const deadline = Date.now() + 5_000;
  while (!client.idling) {
    if (Date.now() > deadline) throw new Error('imapflow did not enter IDLE');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Polls a mailbox until a message matching `predicate` shows up; for mail that IDLE would not help with. */
async function waitForMessage(
  client: ImapFlow,
  predicate: (source: string) => boolean,
  timeoutMs: number,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const lock = await client.getMailboxLock('INBOX');
    try {
      if (client.mailbox && client.mailbox.exists > 0) {
        for await (const message of client.fetch('1:*', { source: true })) {
          const source = message.source?.toString('utf8') ?? '';
          if (predicate(source)) return source;
        }
      }
    } finally {
      lock.release();
    }
    await client.noop();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no matching message within ${timeoutMs} ms\n${server.logTail(20)}`);
}

describe('SMTP through the harness Postfix into Dovecot', () => {
  it('delivers a message nodemailer sends with AUTH, seen through IDLE within 3 seconds', async () => {
    const [alice, bob] = [server.users[0]!, server.users[1]!];
    const watcher = await connectImap(server, 1);
    try {
      await watcher.mailboxOpen('INBOX');
      const before = watcher.mailbox && watcher.mailbox.exists;
      await startIdle(watcher);
      const arrived = nextExists(watcher);

      const transport = nodemailer.createTransport({
        host: server.smtp.host,
        port: server.smtp.port,
        secure: false,
        auth: { user: alice.user, pass: alice.password },
      });
      const messageId = newMessageId();
      const sentAt = Date.now();
      const info = await transport.sendMail({
        from: `Alice <${alice.address}>`,
        to: `Bob <${bob.address}>`,
        subject: 'Estimate for the kitchen sink — Ünïcode',
        text: 'The estimate is attached in spirit.',
        messageId,
      });
      transport.close();
      expect(info.messageId).toBe(messageId);
      expect(info.accepted).toEqual([bob.address]);

      const count = await Promise.race([
        arrived,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`no EXISTS within 3 s\n${server.logTail(20)}`)), 3_000),
        ),
      ]);
      const latencyMs = Date.now() - sentAt;
      expect(count).toBe(Number(before) + 1);
      expect(latencyMs).toBeLessThan(3_000);

      const message = await watcher.fetchOne(String(count), { envelope: true, source: true });
      if (!message) throw new Error('the new message could not be fetched');
      expect(message.envelope?.messageId).toBe(messageId);
      expect(message.envelope?.subject).toBe('Estimate for the kitchen sink — Ünïcode');
      expect(message.envelope?.from?.[0]?.address).toBe(alice.address);
      // Postfix's own Received header shows the message went through it, authenticated, without TLS.
      expect(message.source?.toString('utf8')).toMatch(/by mail\.example\.test \(Postfix\) with ESMTPA /);
    } finally {
      await watcher.logout();
    }
  });

  it('refuses a wrong SMTP password', async () => {
    const alice = server.users[0]!;
    const transport = nodemailer.createTransport({
      host: server.smtp.host,
      port: server.smtp.port,
      secure: false,
      auth: { user: alice.user, pass: 'not-the-password' },
    });
    await expect(
      transport.sendMail({ from: alice.address, to: server.users[1]!.address, subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ code: 'EAUTH', responseCode: 535 });
    transport.close();
  });

  it('sends over SMTPS with the self-signed certificate', async () => {
    const [alice, bob] = [server.users[0]!, server.users[1]!];
    const messageId = newMessageId();
    const transport = nodemailer.createTransport({
      host: server.smtps.host,
      port: server.smtps.port,
      secure: true,
      tls: { ca: server.smtps.ca },
      auth: { user: alice.user, pass: alice.password },
    });
    await transport.sendMail({ from: alice.address, to: bob.address, subject: 'over TLS', text: 'hi', messageId });
    transport.close();

    const client = await connectImap(server, 1);
    try {
      const source = await waitForMessage(client, (s) => s.includes(`Message-ID: ${messageId}`), 5_000);
      // RFC 3848: ESMTPSA is "over TLS, authenticated".
      expect(source).toMatch(/by mail\.example\.test \(Postfix\) with ESMTPSA /);
    } finally {
      await client.logout();
    }
  });

  it('bounces mail for an unknown user back to the sender as a DSN', async () => {
    const bob = server.users[1]!;
    const messageId = newMessageId();
    // No AUTH: loopback is in mynetworks, like an internal relay.
    const transport = nodemailer.createTransport({ host: server.smtp.host, port: server.smtp.port, secure: false });
    const info = await transport.sendMail({
      from: bob.address,
      to: `nobody-here@${server.domain}`,
      subject: 'to nobody',
      text: 'this will bounce',
      messageId,
    });
    transport.close();
    expect(info.accepted).toEqual([`nobody-here@${server.domain}`]);

    const client = await connectImap(server, 1);
    try {
      const isDsnFor = (source: string) =>
        /^Content-Type: multipart\/report; report-type=delivery-status/im.test(source) && source.includes(messageId);
      const bounce = await waitForMessage(client, isDsnFor, 10_000);
      expect(bounce).toMatch(/^From: .*<MAILER-DAEMON@example\.test>\r?$/m);
      expect(bounce).toMatch(/^Final-Recipient: rfc822; ?nobody-here@example\.test/im);
      expect(bounce).toMatch(/^Status: 5\.\d\.\d/m);
    } finally {
      await client.logout();
    }
  });
});
