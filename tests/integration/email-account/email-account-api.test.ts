import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImapFlow } from 'imapflow';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emailChannelHooks } from '../../../src-main/channels/email/email-channel-hooks';
import type { RunningChannel } from '../../../src-main/core/channels/channel-hooks';
import { createCore } from '../../../src-main/core/create-core';
import { openHostSecretStore } from '../../../src-main/core/secrets/host-secret-store';
import type { EventName, EventPayload } from '../../../src-shared/api/events';
import type { ChannelHealth } from '../../../src-shared/domain/channel-health';
import type { ConnectionReport, EmailAccountView } from '../../../src-shared/domain/email-account';
import { connectImap, startMailServer, type MailServer } from '../../support/mail-server';
import { useTempDirs } from '../../support/temp-dir';
import { composeMessage, waitFor } from '../email-sync/email-sync-harness';

const tempDir = useTempDirs();
let server: MailServer;
let imap: ImapFlow;
const opened: Array<ReturnType<typeof createCore>> = [];

beforeAll(async () => {
  server = await startMailServer();
  imap = await connectImap(server);
}, 60_000);

afterEach(() => {
  for (const core of opened.splice(0)) core.close();
});

afterAll(async () => {
  await imap?.logout().catch(() => {});
  await server?.stop();
}, 60_000);

/** A core as the host builds it, with the channels that were created kept for the test to look at. */
function openCore(dataDir: string, key: string | undefined) {
  const channels: RunningChannel[] = [];
  const core = createCore({
    dataDir,
    secrets: openHostSecretStore(dataDir, key),
    channels: {
      email: {
        ...emailChannelHooks,
        create: (...args) => {
          const channel = emailChannelHooks.create(...args);
          channels.push(channel);
          return channel;
        },
      },
    },
  });
  opened.push(core);
  const events: Array<{ name: EventName; payload: EventPayload<EventName> }> = [];
  core.onEvent((name, payload) => events.push({ name, payload }));
  const request = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  return { core, channels, events, request, status: () => request<ChannelHealth>('email.account.status') };
}

function settings(password?: string) {
  const alice = server.users[0]!;
  return {
    address: alice.address,
    senderName: 'Alice Plumbing',
    imap: { host: server.imap.host, port: server.imap.port, tls: 'none' },
    smtp: { host: server.smtp.host, port: server.smtp.port, tls: 'none' },
    user: alice.user,
    ...(password === undefined ? {} : { password }),
  };
}

/** Every file of the data folder except the encrypted secrets, as raw bytes. */
function storeBytes(dataDir: string): Buffer {
  return Buffer.concat(
    readdirSync(dataDir)
      .filter((name) => name.startsWith('switchboard.db'))
      .map((name) => readFileSync(path.join(dataDir, name))),
  );
}

describe('the email account API', () => {
  it('saves settings without the password, starts the live channel, and announces new mail', async () => {
    const dataDir = tempDir();
    const key = randomBytes(32).toString('base64');
    const { request, status, events } = openCore(dataDir, key);
    const password = server.users[0]!.password;
    expect(await request('email.account.get')).toBeNull();

    const saved = await request<EmailAccountView>('email.account.save', settings(password));
    expect(saved).toEqual({
      address: 'alice@example.test',
      senderName: 'Alice Plumbing',
      imap: { host: server.imap.host, port: server.imap.port, tls: 'none' },
      smtp: { host: server.smtp.host, port: server.smtp.port, tls: 'none' },
      user: 'alice',
      hasPassword: true,
    });
    expect(await request('email.account.get')).toEqual(saved);
    await waitForLive(status);

    const messageId = `<${randomUUID()}@customer.test>`;
    await imap.append('INBOX', await composeMessage({ from: 'Dana Reyes <dana@customer.test>', to: 'alice@example.test', subject: 'Leak under the sink', text: 'Can someone come today?', messageId }));
    const changed = await waitFor(() => events.map((e) => e.payload).find((p) => 'conversationIds' in p && p.conversationIds.length > 0), 5_000, 'the event');
    const list = await request<{ rows: Array<{ id: string }> }>('conversations.list', {});
    expect(list.rows.map((row) => row.id)).toEqual(expect.arrayContaining('conversationIds' in changed ? changed.conversationIds : ['the event']));

    expect(storeBytes(dataDir).includes(password)).toBe(false);
    expect(JSON.stringify(events)).not.toContain(password);
  });

  it('starts the channel again when the app restarts, and stops it on close', async () => {
    const dataDir = tempDir();
    const key = randomBytes(32).toString('base64');
    const first = openCore(dataDir, key);
    await first.request('email.account.save', settings(server.users[0]!.password));
    await waitForLive(first.status);
    first.core.close();
    opened.splice(opened.indexOf(first.core), 1);
    await waitFor(() => first.channels[0]!.health().state === 'stopped', 5_000, 'the channel to stop');

    const second = openCore(dataDir, key);
    await waitForLive(second.status);
    expect(second.channels).toHaveLength(1);
  });

  it('tests with the saved password when none is typed, and names the failing step', async () => {
    const { request } = openCore(tempDir(), randomBytes(32).toString('base64'));
    await expect(request('email.account.test', settings())).rejects.toThrow(/invalid_input: Enter the password/);
    await request('email.account.save', settings(server.users[0]!.password));
    expect((await request<ConnectionReport>('email.account.test', settings())).ok).toBe(true);
    const wrong = await request<ConnectionReport>('email.account.test', settings('wrong-password'));
    expect(wrong.steps.find((s) => !s.ok)).toMatchObject({ server: 'imap', step: 'auth' });
  });

  it('keeps the password when the form is saved without one', async () => {
    const { request, status } = openCore(tempDir(), randomBytes(32).toString('base64'));
    await request('email.account.save', settings(server.users[0]!.password));
    const again = await request<EmailAccountView>('email.account.save', { ...settings(), senderName: 'Alice & Sons' });
    expect(again).toMatchObject({ senderName: 'Alice & Sons', hasPassword: true });
    await waitForLive(status);
  });

  it('refuses to save a password without SWITCHBOARD_SECRET_KEY, and says how to set it', async () => {
    const { request, status } = openCore(tempDir(), undefined);
    await expect(request('email.account.save', settings(server.users[0]!.password))).rejects.toThrow(
      /conflict: Passwords cannot be saved: SWITCHBOARD_SECRET_KEY is not set\. Create a key with `openssl rand -base64 32`/,
    );
    expect(await request('email.account.get')).toBeNull();
    // Settings without a password are kept; the status says why nothing syncs.
    await request('email.account.save', settings());
    expect(await status()).toMatchObject({ state: 'stopped', lastError: { message: expect.stringMatching(/SWITCHBOARD_SECRET_KEY is not set/) } });
  });

  it('rejects settings that cannot be right before anything is saved', async () => {
    const { request } = openCore(tempDir(), randomBytes(32).toString('base64'));
    await expect(request('email.account.save', { ...settings('x'), address: 'not an address' })).rejects.toThrow(/invalid_input/);
    await expect(request('email.account.save', { ...settings('x'), imap: { host: 'mail.example.com', port: 0, tls: 'none' } })).rejects.toThrow(/Ports run from 1 to 65535/);
    expect(await request('email.account.get')).toBeNull();
  });
});

async function waitForLive(status: () => Promise<ChannelHealth>): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last: ChannelHealth | null = null;
  while (Date.now() < deadline) {
    last = await status();
    if (last.state === 'live') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the channel did not go live: ${JSON.stringify(last)}`);
}
