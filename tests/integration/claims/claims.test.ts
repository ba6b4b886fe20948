import { describe, expect, it } from 'vitest';
import type { ConversationList, SessionInfo } from '../../../src-shared/api/requests';
import { openTestCore } from '../../support/test-core';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

async function demo(dataDir = tempDir()) {
  const t = openTestCore(dataDir, { demo: true });
  const session = await t.request<SessionInfo>('session.get', {});
  const list = () => t.request<ConversationList>('conversations.list', {});
  const row = async (name: string) => (await list()).rows.find((r) => r.contactName === name);
  return { ...t, dataDir, session, list, row };
}

describe('claims and assignment on one PC', () => {
  it('seeds the demo assignments as claims, so Mine and Unassigned follow from them', async () => {
    const { list, row, session, core } = await demo();
    expect((await list()).counts).toMatchObject({ mine: 2, unassigned: 4 });
    expect((await row('Maria Gonzalez'))?.assigneeId).toBe(session.me.id);
    expect((await row('Tom Becker'))?.assigneeId).toBe(session.members.find((m) => m.name === 'Priya Shah')?.id);
    core.close();
  });

  it('claims an unassigned conversation, and releases it again', async () => {
    const { request, list, row, session, core } = await demo();
    const jenny = await row('Jenny Lee');
    expect(await request('conversations.claim', { conversationId: jenny?.id })).toEqual({ ownerId: session.me.id, pending: false });
    expect((await list()).counts).toMatchObject({ mine: 3, unassigned: 3 });
    expect(await request('conversations.release', { conversationId: jenny?.id })).toEqual({ ownerId: null, pending: false });
    expect((await row('Jenny Lee'))?.assigneeId).toBeNull();
    core.close();
  });

  it('does not let a claim take a conversation someone already has', async () => {
    const { request, row, session, core } = await demo();
    const tom = await row('Tom Becker');
    const priya = session.members.find((m) => m.name === 'Priya Shah')?.id;
    expect(await request('conversations.claim', { conversationId: tom?.id })).toEqual({ ownerId: priya, pending: false });
    expect(await core.dispatch('conversations.release', { conversationId: tom?.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    core.close();
  });

  it('lets the owner assign to a member or unassign, overriding earlier claims', async () => {
    const { request, row, session, core } = await demo();
    const luis = session.members.find((m) => m.name === 'Luis Ortega')?.id;
    const maria = await row('Maria Gonzalez');
    expect(await request('conversations.assign', { conversationId: maria?.id, assigneeId: luis })).toEqual({ ownerId: luis, pending: false });
    expect((await row('Maria Gonzalez'))?.assigneeId).toBe(luis);
    expect(await request('conversations.assign', { conversationId: maria?.id, assigneeId: null })).toEqual({ ownerId: null, pending: false });
    expect(await core.dispatch('conversations.assign', { conversationId: maria?.id, assigneeId: 'mb_nobody' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    core.close();
  });

  it('keeps claims across a restart, and repairs the inbox rows from the claim log', async () => {
    const { request, row, session, core, dataDir } = await demo();
    const jenny = await row('Jenny Lee');
    await request('conversations.claim', { conversationId: jenny?.id });
    core.store.sqlite.prepare('UPDATE conversations SET assignee_id = NULL WHERE id = ?').run(jenny?.id);
    core.close();
    const again = await demo(dataDir);
    expect((await again.row('Jenny Lee'))?.assigneeId).toBe(session.me.id);
    again.core.close();
  });

  it('announces the change so every open view refetches', async () => {
    const { request, row, core } = await demo();
    const carlos = await row('Carlos Mendez');
    const seen: string[][] = [];
    core.onEvent((_name, payload) => {
      if ('conversationIds' in payload) seen.push(payload.conversationIds);
    });
    await request('conversations.claim', { conversationId: carlos?.id });
    expect(seen).toContainEqual([carlos?.id]);
    core.close();
  });
});
