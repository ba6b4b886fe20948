import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import type { ConversationDetail, ConversationList } from '../../../src-shared/api/requests';
import { inboundMessage } from '../../support/inbound';
import { openTestCore } from '../../support/test-core';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

function setup() {
  const t = openTestCore(tempDir());
  const ingest = (m: ReturnType<typeof inboundMessage>) => {
    const conversationId = t.ingest(m);
    if (!conversationId) throw new Error('not added');
    return conversationId;
  };
  const bySms = ingest(inboundMessage([{ kind: 'phone', value: '+12125550147' }], { body: 'sms one', occurredAt: 1_000 }));
  ingest(inboundMessage([{ kind: 'phone', value: '+12125550147' }], { body: 'sms two', occurredAt: 3_000 }));
  const byMail = ingest(inboundMessage([{ kind: 'email', value: 'maria@example.com' }], { id: 'email:m1', channel: 'email', body: 'mail one', occurredAt: 2_000 }));
  return { ...t, ingest, bySms, byMail };
}

describe('merging contacts', () => {
  it('keeps every entry of both in one thread, and routes new mail to the survivor', async () => {
    const { request, bySms, byMail, ingest } = setup();
    const sms = await request<ConversationDetail>('conversations.get', { conversationId: bySms });
    const mail = await request<ConversationDetail>('conversations.get', { conversationId: byMail });
    await request('contacts.merge', { survivorId: sms.contact.id, mergedId: mail.contact.id });
    const merged = await request<ConversationDetail>('conversations.get', { conversationId: bySms });
    expect(merged.entries.map((e) => e.body)).toEqual(['sms one', 'mail one', 'sms two']);
    expect(merged.contact.identities.map((i) => i.value).sort()).toEqual(['+12125550147', 'maria@example.com']);
    const list = await request<ConversationList>('conversations.list', {});
    expect(list.rows.map((r) => r.id)).toEqual([bySms]);
    expect(ingest(inboundMessage([{ kind: 'email', value: 'maria@example.com' }], { id: 'email:m2', channel: 'email', occurredAt: 4_000 }))).toBe(bySms);
  });

  it('can be undone: identities and entries go back, notes on the joined thread stay', async () => {
    const { request, bySms, byMail } = setup();
    const sms = await request<ConversationDetail>('conversations.get', { conversationId: bySms });
    const mail = await request<ConversationDetail>('conversations.get', { conversationId: byMail });
    const { mergeId } = await request<{ mergeId: string }>('contacts.merge', { survivorId: sms.contact.id, mergedId: mail.contact.id });
    await request('notes.add', { conversationId: bySms, clientId: ulid(), body: 'Same person, merged' });
    await request('contacts.undoMerge', { mergeId });
    const smsAfter = await request<ConversationDetail>('conversations.get', { conversationId: bySms });
    const mailAfter = await request<ConversationDetail>('conversations.get', { conversationId: byMail });
    expect(smsAfter.entries.map((e) => e.body)).toEqual(['sms one', 'sms two', 'Same person, merged']);
    expect(mailAfter.entries.map((e) => e.body)).toEqual(['mail one']);
    expect(mailAfter.contact.identities.map((i) => i.value)).toEqual(['maria@example.com']);
    expect(mailAfter.conversation).toMatchObject({ preview: 'mail one', unreadCount: 1, needsResponse: true });
    const list = await request<ConversationList>('conversations.list', {});
    expect(list.rows).toHaveLength(2);
    expect(list.counts.all).toBe(2);
  });

  it('keeps read what was read on the joined thread after an undo', async () => {
    const { request, bySms, byMail } = setup();
    const sms = await request<ConversationDetail>('conversations.get', { conversationId: bySms });
    const mail = await request<ConversationDetail>('conversations.get', { conversationId: byMail });
    const { mergeId } = await request<{ mergeId: string }>('contacts.merge', { survivorId: sms.contact.id, mergedId: mail.contact.id });
    expect((await request<ConversationDetail>('conversations.get', { conversationId: bySms })).conversation.unreadCount).toBe(3);
    await request('conversations.markRead', { conversationId: bySms, upTo: 3_000 });
    await request('contacts.undoMerge', { mergeId });
    const mailAfter = await request<ConversationDetail>('conversations.get', { conversationId: byMail });
    expect(mailAfter.conversation).toMatchObject({ unreadCount: 0, needsResponse: true });
  });

  it('refuses to merge a contact into itself or to undo twice', async () => {
    const { core, bySms, byMail, request } = setup();
    const sms = await request<ConversationDetail>('conversations.get', { conversationId: bySms });
    const mail = await request<ConversationDetail>('conversations.get', { conversationId: byMail });
    expect(await core.dispatch('contacts.merge', { survivorId: sms.contact.id, mergedId: sms.contact.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const { mergeId } = await request<{ mergeId: string }>('contacts.merge', { survivorId: sms.contact.id, mergedId: mail.contact.id });
    await request('contacts.undoMerge', { mergeId });
    expect(await core.dispatch('contacts.undoMerge', { mergeId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
