import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../src-main/channels/channel';
import { createEmailChannel } from '../../../src-main/channels/email/sync/email-channel';
import { getEntry } from '../../../src-main/core/entries/entry-repo';
import { stableIds } from '../../../src-main/core/ingest/stable-ids';
import { connectImap, startMailServer, type MailServer } from '../../support/mail-server';
import { useTempDirs } from '../../support/temp-dir';
import { composeMessage, openEmailCore, waitFor, type MailOptions } from './email-sync-harness';

const tempDir = useTempDirs();
let server: MailServer;
let client: ImapFlow;
let channel: Channel | null = null;

beforeAll(async () => {
  server = await startMailServer();
  client = await connectImap(server);
}, 60_000);

afterEach(async () => {
  await channel?.stop();
  channel = null;
});

afterAll(async () => {
  await client?.logout().catch(() => {});
  await server?.stop();
}, 60_000);

/** Postfix on loopback, without AUTH, as a customer's provider would hand mail over. */
async function sendThroughPostfix(mail: MailOptions): Promise<void> {
  const transport = nodemailer.createTransport({ host: server.smtp.host, port: server.smtp.port, secure: false });
  try {
    await transport.sendMail(mail);
  } finally {
    transport.close();
  }
}

async function startLive(dataDir: string) {
  const opened = openEmailCore(dataDir, server);
  channel = createEmailChannel(opened.account, server.users[0]!.password, opened.emailStore, {
    backoff: { firstMs: 200, maxMs: 2_000 },
  });
  await channel.start();
  await waitFor(() => channel?.health().state === 'live', 10_000, 'the first sync');
  return opened;
}

describe('the live email channel', () => {
  it('stores a message sent through Postfix within 2 seconds', async () => {
    const { core } = await startLive(tempDir());
    expect(channel!.health()).toMatchObject({ state: 'live', lastError: null });
    const messageId = `<${randomUUID()}@customer.test>`;

    const sentAt = Date.now();
    await sendThroughPostfix({
      from: 'Gina Ortiz <gina@customer.test>',
      to: server.users[0]!.address,
      subject: 'Furnace makes a banging noise',
      text: 'Since this morning the furnace bangs when it starts.',
      messageId,
    });
    const entry = await waitFor(() => getEntry(core.store.db, stableIds.email(messageId)), 5_000, 'the entry');
    const latencyMs = Date.now() - sentAt;

    expect(entry).toMatchObject({ direction: 'inbound', subject: 'Furnace makes a banging noise', deliveryStatus: 'received' });
    expect(latencyMs, `seen after ${latencyMs} ms`).toBeLessThan(2_000);
    core.close();
  });

  it('marks our message failed, with the recipient and reason, when Postfix bounces it', async () => {
    const alice = server.users[0]!;
    const messageId = `<${randomUUID()}@example.test>`;
    const ours = {
      from: `Alice Plumbing <${alice.address}>`,
      to: `nobody-here@${server.domain}`,
      subject: 'Your estimate',
      text: 'Please find the estimate below.',
      messageId,
    };
    // As the outbox will: the message is in Sent, and synced, before the bounce arrives.
    await client.append('Sent', await composeMessage(ours), ['\\Seen']);
    const { core, sqlite } = await startLive(tempDir());
    const entryId = stableIds.email(messageId);
    expect(getEntry(core.store.db, entryId)).toMatchObject({ direction: 'outbound', deliveryStatus: 'sent' });

    await sendThroughPostfix(ours);
    const failed = await waitFor(
      () => getEntry(core.store.db, entryId)?.deliveryStatus === 'failed' && getEntry(core.store.db, entryId),
      10_000,
      `the bounce\n${server.logTail(10)}`,
    );
    const notes = sqlite
      .prepare(`SELECT body FROM entries WHERE conversation_id = ? AND kind = 'system'`)
      .pluck()
      .all(failed.conversationId) as string[];
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^Delivery to nobody-here@example\.test failed: 5\.\d\.\d .+/);
    expect(sqlite.prepare(`SELECT bounce_recipient FROM other_mail WHERE bounced_entry_id = ?`).pluck().get(entryId)).toBe(
      'nobody-here@example.test',
    );
    core.close();
  });

  it('reconnects after the server drops the connection, and reports what happened', async () => {
    const { core } = await startLive(tempDir());
    // doveadm kick closes every IMAP session of the user, as a server restart or a network drop would.
    execFileSync('doveadm', ['-c', path.join(server.dir, 'dovecot.conf'), 'kick', server.users[0]!.user]);
    await waitFor(() => channel!.health().lastError, 5_000, 'the error to show in health()');
    await waitFor(() => channel!.health().state === 'live', 10_000, 'the reconnect');

    const messageId = `<${randomUUID()}@customer.test>`;
    await sendThroughPostfix({ from: 'hal@customer.test', to: server.users[0]!.address, subject: 'After the outage', text: 'Still there?', messageId });
    await waitFor(() => getEntry(core.store.db, stableIds.email(messageId)), 3_000, 'mail after the reconnect');
    core.close();
  });
});
