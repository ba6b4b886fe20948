import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../../src-shared/api/requests';
import type { TimelineEntry } from '../../../src-shared/domain/timeline';
import { createOutboxQueue } from '../../../src-main/core/outbox/outbox-queue';
import { INTERRUPTED_SEND } from '../../../src-main/core/outbox/recover-interrupted';
import { stableIds } from '../../../src-main/core/ingest/stable-ids';
import { inboundMessage } from '../../support/inbound';
import { openTestCore } from '../../support/test-core';
import { useTempDirs } from '../../support/temp-dir';
import { customerThread, openCoreAs } from './outbox-harness';

const tempDir = useTempDirs();
const reply = (conversationId: string, clientId = ulid()) => ({ conversationId, clientId, subject: 'Re: The kitchen tap is dripping', body: 'We can come Thursday at 8.' });

describe('the outbox in core', () => {
  it('queues an email with its outbound entry, whose id derives from the Message-ID chosen now', async () => {
    const test = openTestCore(tempDir());
    const conversationId = customerThread(test);
    const input = reply(conversationId);
    const entry = await test.request<TimelineEntry>('email.send', input);

    const item = test.core.store.sqlite.prepare('SELECT * FROM outbox WHERE id = ?').get(input.clientId) as { payload: string; state: string; entry_id: string };
    const payload = JSON.parse(item.payload) as { messageId: string; to: unknown };
    expect(payload.messageId).toBe(`<${input.clientId}@switchboard.local>`);
    expect(payload.to).toEqual([{ address: 'bob@example.test', name: '' }]);
    expect(entry).toMatchObject({
      id: stableIds.email(payload.messageId),
      kind: 'message',
      channel: 'email',
      direction: 'outbound',
      subject: 'Re: The kitchen tap is dripping',
      deliveryStatus: 'queued',
      // No account is set up: the entry says it waits for one rather than failing.
      outbox: { itemId: input.clientId, state: 'queued', attempts: 0, lastError: null, waitingFor: 'email_account' },
    });
    const thread = await test.request<ConversationDetail>('conversations.get', { conversationId });
    expect(thread.entries.at(-1)).toEqual(entry);
    expect(thread.conversation.needsResponse).toBe(false);
    test.core.close();
  });

  it('makes one item and one entry of the same clientId submitted twice', async () => {
    const test = openTestCore(tempDir());
    const input = reply(customerThread(test));
    const first = await test.request<TimelineEntry>('email.send', input);
    const second = await test.request<TimelineEntry>('email.send', input);
    expect(second).toEqual(first);
    const count = (sql: string) => test.core.store.sqlite.prepare(sql).pluck().get();
    expect(count('SELECT count(*) FROM outbox')).toBe(1);
    expect(count(`SELECT count(*) FROM entries WHERE direction = 'outbound'`)).toBe(1);
    test.core.close();
  });

  it('refuses a contact without an email address, saying so', async () => {
    const test = openTestCore(tempDir());
    const conversationId = test.ingest(inboundMessage([{ kind: 'phone', value: '+12125550147' }]));
    await expect(test.request('email.send', reply(conversationId!))).rejects.toThrow(/has no email address/);
    expect(test.core.store.sqlite.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    test.core.close();
  });

  it('turns an item left sending by a crash into unknown, which only a person resolves', async () => {
    const dataDir = tempDir();
    const test = openTestCore(dataDir);
    const { clientId, conversationId } = reply(customerThread(test));
    await test.request('email.send', { ...reply(conversationId), clientId });
    expect(createOutboxQueue(test.core.store.db, 'email').claimNext()?.id).toBe(clientId);
    test.core.close();

    const reopened = openTestCore(dataDir);
    const thread = await reopened.request<ConversationDetail>('conversations.get', { conversationId });
    expect(thread.entries.at(-1)).toMatchObject({ deliveryStatus: 'unknown', outbox: { state: 'unknown', lastError: INTERRUPTED_SEND } });
    // The executor never picks it up again, and a retry is not how it leaves `unknown`.
    expect(createOutboxQueue(reopened.core.store.db, 'email').claimNext()).toBeNull();
    await expect(reopened.request('outbox.retry', { itemId: clientId })).rejects.toThrow(/conflict: .*unknown/);
    const resolved = await reopened.request<TimelineEntry>('outbox.resolve', { itemId: clientId, outcome: 'failed' });
    expect(resolved).toMatchObject({ deliveryStatus: 'failed', outbox: { state: 'failed' } });
    const retried = await reopened.request<TimelineEntry>('outbox.retry', { itemId: clientId });
    expect(retried).toMatchObject({ deliveryStatus: 'queued', outbox: { state: 'queued', lastError: null } });
    reopened.core.close();
  });

  it('holds a gated agent’s email for approval, which only an owner or manager gives', async () => {
    const dataDir = tempDir();
    const agent = openCoreAs(dataDir, 'gated_agent');
    const { clientId, conversationId } = reply(customerThread(agent));
    const entry = await agent.request<TimelineEntry>('email.send', { ...reply(conversationId), clientId });
    expect(entry).toMatchObject({ deliveryStatus: 'pending_approval', outbox: { state: 'pending_approval' } });
    expect(createOutboxQueue(agent.core.store.db, 'email').claimNext()).toBeNull();
    await expect(agent.request('outbox.approve', { itemId: clientId })).rejects.toThrow(/Only a manager or the owner/);
    // A retry is no back door past approval.
    await expect(agent.request('outbox.retry', { itemId: clientId })).rejects.toThrow(/conflict/);
    agent.core.close();

    const manager = openCoreAs(dataDir, 'manager');
    expect(await manager.request<TimelineEntry>('outbox.approve', { itemId: clientId })).toMatchObject({ deliveryStatus: 'queued' });
    expect(createOutboxQueue(manager.core.store.db, 'email').claimNext()?.id).toBe(clientId);
    manager.core.close();
  });
});
