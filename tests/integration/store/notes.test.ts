import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import type { ConversationDetail, ConversationList } from '../../../src-shared/api/requests';
import type { TimelineEntry } from '../../../src-shared/domain/timeline';
import { openTestCore } from '../../support/test-core';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

describe('internal notes', () => {
  it('are saved, shown in the thread, and still there after a restart', async () => {
    const dataDir = tempDir();
    const first = openTestCore(dataDir, { demo: true });
    const { rows } = await first.request<ConversationList>('conversations.list', { filter: 'all' });
    const conversationId = rows[0]?.id ?? '';
    const note = await first.request<TimelineEntry>('notes.add', { conversationId, clientId: ulid(), body: '  Bring the 50 gal tank  ' });
    expect(note).toMatchObject({ kind: 'note', channel: 'internal', direction: null, body: 'Bring the 50 gal tank', authorMemberId: first.core.session.me.id });
    first.core.close();

    const second = openTestCore(dataDir, { demo: true });
    const thread = await second.request<ConversationDetail>('conversations.get', { conversationId });
    expect(thread.entries.at(-1)).toEqual(note);
    const list = await second.request<ConversationList>('conversations.list', {});
    expect(list.rows[0]).toMatchObject({ id: conversationId, preview: 'Note: Bring the 50 gal tank' });
    second.core.close();
  });

  it('are saved once when the same submit is retried', async () => {
    const { request, core } = openTestCore(tempDir(), { demo: true });
    const { rows } = await request<ConversationList>('conversations.list', {});
    const input = { conversationId: rows[1]?.id ?? '', clientId: ulid(), body: 'Called back, no answer' };
    const a = await request<TimelineEntry>('notes.add', input);
    const b = await request<TimelineEntry>('notes.add', input);
    expect(b).toEqual(a);
    const thread = await request<ConversationDetail>('conversations.get', { conversationId: input.conversationId });
    expect(thread.entries.filter((e) => e.body === input.body)).toHaveLength(1);
    core.close();
  });

  it('never count as unread and never change needs-response', async () => {
    const { request, core } = openTestCore(tempDir(), { demo: true });
    const before = await request<ConversationList>('conversations.list', {});
    const target = before.rows.find((r) => r.needsResponse);
    expect(target).toBeDefined();
    await request('notes.add', { conversationId: target?.id, clientId: ulid(), body: 'Looking into it' });
    const after = await request<ConversationList>('conversations.list', {});
    expect(after.rows.find((r) => r.id === target?.id)).toMatchObject({ unreadCount: target?.unreadCount, needsResponse: true });
    expect(after.counts).toEqual(before.counts);
    core.close();
  });

  it('reject empty, oversized and malformed input with a clear message', async () => {
    const { core } = openTestCore(tempDir(), { demo: true });
    expect(await core.dispatch('notes.add', { conversationId: 'cv_x', clientId: ulid(), body: '   ' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('A note cannot be empty') },
    });
    expect(await core.dispatch('notes.add', { conversationId: 'cv_x', clientId: ulid(), body: 'x'.repeat(20_001) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await core.dispatch('notes.add', { conversationId: 'cv_missing', clientId: ulid(), body: 'hello' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.dispatch('notes.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
    core.close();
  });
});
