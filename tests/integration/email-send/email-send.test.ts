import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ImapFlow } from 'imapflow';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../../src-shared/api/requests';
import type { AttachmentMeta, TimelineEntry } from '../../../src-shared/domain/timeline';
import { UPLOAD_CHUNK_BYTES, type UploadProgress } from '../../../src-shared/api/email-attachments';
import { parseEmail } from '../../../src-main/channels/email/parse/parse-email';
import { startExecutorLoop } from '../../../src-main/channels/email/send/executor-loop';
import { createOutboxQueue } from '../../../src-main/core/outbox/outbox-queue';
import { stableIds } from '../../../src-main/core/ingest/stable-ids';
import { connectImap, startMailServer, type MailServer } from '../../support/mail-server';
import { useTempDirs } from '../../support/temp-dir';
import { appendAll, composeMessage, corpusMessage, waitFor } from '../email-sync/email-sync-harness';
import { bobWrites, findByMessageId, openSendingCore, waitForDelivery } from './email-send-harness';

const tempDir = useTempDirs();
let server: MailServer;
let aliceImap: ImapFlow;
let bobImap: ImapFlow;

beforeAll(async () => {
  server = await startMailServer();
  aliceImap = await connectImap(server, 0);
  bobImap = await connectImap(server, 1);
}, 60_000);

afterAll(async () => {
  await aliceImap?.logout().catch(() => {});
  await bobImap?.logout().catch(() => {});
  await server?.stop();
}, 60_000);

/** Each test starts its own thread, so the shared mailboxes never mix them up. */
const newThread = () => `t${randomUUID().slice(0, 8)}`;
const reply = (conversationId: string) => ({
  conversationId,
  clientId: ulid(),
  subject: 'Re: The kitchen tap is dripping',
  body: 'We can come Thursday at 8 and bring a new cartridge.',
});
const messageIdOf = (clientId: string) => `<${clientId}@example.test>`;

/** Syncs alice's mailbox until `probe` finds what Postfix's delivery (or bounce) should bring. */
async function syncUntil<T>(opened: ReturnType<typeof openSendingCore>, probe: () => Promise<T | null>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await opened.sync();
    const found = await probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`nothing arrived within ${timeoutMs} ms\n${server.logTail(10)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('sending email through the outbox', () => {
  it('delivers a threaded reply to the customer, files it in Sent, and the sync adds no duplicate', async () => {
    const opened = openSendingCore(tempDir(), server);
    const thread = newThread();
    const conversationId = await bobWrites(server, aliceImap, opened, thread);
    const input = reply(conversationId);
    const entry = await opened.request<TimelineEntry>('email.send', input);
    const messageId = messageIdOf(input.clientId);
    expect(entry).toMatchObject({ id: stableIds.email(messageId), deliveryStatus: 'queued' });

    expect(await opened.executor().drain()).toEqual({ sent: 1, failed: 0, appendErrors: [] });

    const uid = await waitForDelivery(bobImap, 'INBOX', messageId);
    const lock = await bobImap.getMailboxLock('INBOX');
    const received = await bobImap.fetchOne(String(uid), { envelope: true, headers: ['references'] }, { uid: true });
    lock.release();
    if (!received) throw new Error('the reply could not be fetched');
    expect(received.envelope).toMatchObject({
      messageId,
      inReplyTo: `<${thread}-1@customer.test>`,
      subject: 'Re: The kitchen tap is dripping',
      from: [{ name: 'Alice Plumbing', address: 'alice@example.test' }],
      to: [{ address: 'bob@example.test' }],
    });
    expect(received.headers?.toString().replace(/\r\n\s+/g, ' ').trim()).toBe(
      `References: <${thread}-0@example.test> <${thread}-1@customer.test>`,
    );
    expect(await findByMessageId(aliceImap, 'Sent', messageId)).toHaveLength(1);

    const thread1 = await opened.request<ConversationDetail>('conversations.get', { conversationId });
    expect(thread1.entries.at(-1)).toMatchObject({ id: entry.id, deliveryStatus: 'sent', outbox: { state: 'sent', attempts: 1 } });
    const before = opened.counts();
    await opened.sync();
    expect(opened.counts()).toEqual(before);
    const thread2 = await opened.request<ConversationDetail>('conversations.get', { conversationId });
    expect(thread2.entries.map((e) => [e.direction, e.deliveryStatus])).toEqual([
      ['inbound', 'received'],
      ['outbound', 'sent'],
    ]);
    opened.core.close();
  });

  it('marks a refused send failed with the reason, and a retry after the fix sends it exactly once', async () => {
    const opened = openSendingCore(tempDir(), server);
    const conversationId = await bobWrites(server, aliceImap, opened, newThread());
    const input = reply(conversationId);
    await opened.request('email.send', input);

    expect(await opened.executor({ password: 'an-old-password' }).drain()).toMatchObject({ sent: 0, failed: 1 });
    const failed = (await opened.request<ConversationDetail>('conversations.get', { conversationId })).entries.at(-1);
    expect(failed).toMatchObject({ deliveryStatus: 'failed', outbox: { state: 'failed', attempts: 1 } });
    expect(failed?.outbox?.lastError).toMatch(/did not take the message: .*(535|auth)/i);
    // Failed stays failed until a person retries; the executor does not pick it up by itself.
    expect(await opened.executor().drain()).toMatchObject({ sent: 0, failed: 0 });

    await opened.request('outbox.retry', { itemId: input.clientId });
    expect(await opened.executor().drain()).toMatchObject({ sent: 1, failed: 0 });
    const messageId = messageIdOf(input.clientId);
    await waitForDelivery(bobImap, 'INBOX', messageId);
    // Postfix has nothing left in its queue for it by now; one copy is all there will be.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await findByMessageId(bobImap, 'INBOX', messageId)).toHaveLength(1);
    const sent = (await opened.request<ConversationDetail>('conversations.get', { conversationId })).entries.at(-1);
    expect(sent).toMatchObject({ deliveryStatus: 'sent', outbox: { state: 'sent', attempts: 2, lastError: null } });
    opened.core.close();
  });

  it('never sends an item a crash left sending: it is unknown until a person resolves it', async () => {
    const dataDir = tempDir();
    const first = openSendingCore(dataDir, server);
    const conversationId = await bobWrites(server, aliceImap, first, newThread());
    const input = reply(conversationId);
    await first.request('email.send', input);
    // The executor's first step, then the process dies before SMTP answers.
    createOutboxQueue(first.core.store.db, 'email').claimNext();
    first.core.close();

    const reopened = openSendingCore(dataDir, server);
    expect(await reopened.executor().drain()).toMatchObject({ sent: 0, failed: 0 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await findByMessageId(bobImap, 'INBOX', messageIdOf(input.clientId))).toEqual([]);
    const resolved = await reopened.request<TimelineEntry>('outbox.resolve', { itemId: input.clientId, outcome: 'sent' });
    expect(resolved).toMatchObject({ deliveryStatus: 'sent', outbox: { state: 'sent' } });
    expect(await reopened.executor().drain()).toMatchObject({ sent: 0 });
    reopened.core.close();
  });

  it('sends at once on the channel host when woken, without waiting for the next look at the queue', async () => {
    const opened = openSendingCore(tempDir(), server);
    const conversationId = await bobWrites(server, aliceImap, opened, newThread());
    const results: number[] = [];
    const loop = startExecutorLoop(opened.executor(), { intervalMs: 60_000, onResult: (result) => results.push(result.sent) });
    try {
      await waitFor(() => results.length === 1, 5_000, 'the first look at the queue');
      const input = reply(conversationId);
      await opened.request('email.send', input);
      loop.wake();
      await waitForDelivery(bobImap, 'INBOX', messageIdOf(input.clientId), 5_000);
      expect(results).toEqual([0, 1]);
    } finally {
      await loop.stop();
      opened.core.close();
    }
  });

  it('holds a gated agent’s email until a manager approves it, then sends it', async () => {
    const dataDir = tempDir();
    const setAndReopen = (opened: ReturnType<typeof openSendingCore>, role: string) => {
      opened.sqlite.prepare('UPDATE members SET role = ? WHERE is_self = 1').run(role);
      opened.core.close();
      return openSendingCore(dataDir, server);
    };
    const agent = setAndReopen(openSendingCore(dataDir, server), 'gated_agent');
    const conversationId = await bobWrites(server, aliceImap, agent, newThread());
    const input = reply(conversationId);
    expect(await agent.request<TimelineEntry>('email.send', input)).toMatchObject({ deliveryStatus: 'pending_approval' });
    expect(await agent.executor().drain()).toMatchObject({ sent: 0 });

    const manager = setAndReopen(agent, 'manager');
    await manager.request('outbox.approve', { itemId: input.clientId });
    expect(await manager.executor().drain()).toMatchObject({ sent: 1 });
    await waitForDelivery(bobImap, 'INBOX', messageIdOf(input.clientId));
    manager.core.close();
  });

  it('fails the outbox item with the reason when Postfix bounces the message, and offers Retry', async () => {
    const opened = openSendingCore(tempDir(), server);
    const ghost = `ghost-${newThread()}@${server.domain}`;
    const question = await composeMessage({ from: `Gone Customer <${ghost}>`, to: server.users[0]!.address, subject: 'Quote?', text: 'Can you quote a new boiler?' });
    await appendAll(aliceImap, 'INBOX', [question]);
    await opened.sync();
    const conversationId = opened.conversationOf(ghost);
    const input = { ...reply(conversationId), subject: 'Re: Quote?' };
    await opened.request('email.send', input);
    expect(await opened.executor().drain()).toMatchObject({ sent: 1, failed: 0 });

    const bounced = await syncUntil(opened, async () => {
      const entries = (await opened.request<ConversationDetail>('conversations.get', { conversationId })).entries;
      const last = entries.findLast((e) => e.direction === 'outbound');
      return last?.outbox?.state === 'failed' ? last : null;
    });
    expect(bounced).toMatchObject({ deliveryStatus: 'failed', outbox: { itemId: input.clientId, state: 'failed', attempts: 1 } });
    expect(bounced.outbox?.lastError).toMatch(/^Delivery to ghost-\S+@example\.test failed: 5\.\d\.\d /);
    // Seeing the same bounce again (a resync) changes nothing; Retry puts the message back in the queue.
    await opened.sync();
    const retried = await opened.request<TimelineEntry>('outbox.retry', { itemId: input.clientId });
    expect(retried).toMatchObject({ deliveryStatus: 'queued', outbox: { state: 'queued', lastError: null } });
    opened.core.close();
  });

  it('sends the files attached in the composer as real attachments, stored by content and openable on the entry', async () => {
    const opened = openSendingCore(tempDir(), server);
    const conversationId = await bobWrites(server, aliceImap, opened, newThread());
    // A real PDF from the corpus, and a file large enough to go up in several pieces, with a name that needs RFC 2231.
    const pdf = await corpusPdf();
    const large = randomBytes(1_300_000);
    const files = [
      await upload(opened, { filename: 'estimate.pdf', contentType: 'application/pdf', bytes: pdf }),
      await upload(opened, { filename: 'Kostenvoranschlag Küche – März.bin', contentType: 'application/octet-stream', bytes: large }),
    ];
    expect(files.map((file) => file.sha256)).toEqual([sha256(pdf), sha256(large)]);
    const input = { ...reply(conversationId), attachments: files };
    const entry = await opened.request<TimelineEntry>('email.send', input);
    expect(entry.attachments).toEqual(files);
    expect(await opened.executor().drain()).toEqual({ sent: 1, failed: 0, appendErrors: [] });

    const uid = await waitForDelivery(bobImap, 'INBOX', messageIdOf(input.clientId));
    const lock = await bobImap.getMailboxLock('INBOX');
    const fetched = await bobImap.fetchOne(String(uid), { source: true }, { uid: true });
    lock.release();
    const parsed = await parseEmail(fetched && fetched.source ? fetched.source : Buffer.alloc(0));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.email.attachments.map((a) => [a.filename, a.contentType, a.sha256])).toEqual([
      ['estimate.pdf', 'application/pdf', sha256(pdf)],
      ['Kostenvoranschlag Küche – März.bin', 'application/octet-stream', sha256(large)],
    ]);

    const opened2 = await opened.request<{ filename: string; data: string }>('attachments.read', { entryId: entry.id, sha256: sha256(large) });
    expect(opened2.filename).toBe('Kostenvoranschlag Küche – März.bin');
    expect(Buffer.from(opened2.data, 'base64').equals(large)).toBe(true);
    // Sent is synced back without a second entry, and the entry keeps its files.
    await opened.sync();
    const thread = await opened.request<ConversationDetail>('conversations.get', { conversationId });
    expect(thread.entries.filter((e) => e.id === entry.id).map((e) => e.attachments.map((a) => a.sha256))).toEqual([[sha256(pdf), sha256(large)]]);
    opened.core.close();
  });

  it('refuses attachments over the limit, or never uploaded, with a clear reason, and queues nothing', async () => {
    const opened = openSendingCore(tempDir(), server);
    const conversationId = await bobWrites(server, aliceImap, opened, newThread());
    const big = await upload(opened, { filename: 'photos-1.zip', contentType: 'application/zip', bytes: randomBytes(6 * 1024 * 1024) });
    const big2 = await upload(opened, { filename: 'photos-2.zip', contentType: 'application/zip', bytes: randomBytes(5 * 1024 * 1024) });
    await expect(opened.request('email.send', { ...reply(conversationId), attachments: [big, big2] })).rejects.toThrow(
      /invalid_input: Attachments can add up to 10 MB per email; these come to 11 MB\./,
    );
    await expect(upload(opened, { filename: 'video.mp4', contentType: 'video/mp4', bytes: randomBytes(11 * 1024 * 1024) })).rejects.toThrow(
      /video\.mp4 is too large\. Attachments can add up to 10 MB per email/,
    );
    const ghost = { sha256: 'f'.repeat(64), filename: 'ghost.pdf', contentType: 'application/pdf', size: 10 };
    await expect(opened.request('email.send', { ...reply(conversationId), attachments: [ghost] })).rejects.toThrow(/ghost\.pdf was not uploaded completely/);
    expect(opened.count(`SELECT count(*) FROM outbox`)).toBe(0);
    opened.core.close();
  });
});

/** What the composer does with a picked file: sends it in pieces and gets back its stored description. */
async function upload(opened: ReturnType<typeof openSendingCore>, file: { filename: string; contentType: string; bytes: Buffer }): Promise<AttachmentMeta> {
  const uploadId = ulid();
  for (let offset = 0; ; offset += UPLOAD_CHUNK_BYTES) {
    const piece = file.bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES);
    const last = offset + UPLOAD_CHUNK_BYTES >= file.bytes.length;
    const progress = await opened.request<UploadProgress>('attachments.upload', {
      uploadId,
      offset,
      data: piece.toString('base64'),
      last,
      filename: file.filename,
      contentType: file.contentType,
    });
    if (last) return progress.attachment!;
  }
}

async function corpusPdf(): Promise<Buffer> {
  const parsed = await parseEmail(corpusMessage('mail-gem/attachment_emails/attachment_pdf.eml'));
  const pdf = parsed.ok ? parsed.email.attachments.find((a) => a.contentType === 'application/pdf') : undefined;
  if (!pdf) throw new Error('the corpus PDF message has no PDF');
  return Buffer.from(pdf.content);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
