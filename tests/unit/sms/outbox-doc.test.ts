import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addOutboxItem, itemsInState, moveOutboxItem, outboxStatesOf, type OutboxItemRecord } from '../../../src-shared/sync/outbox-doc';

const item = (id: string, createdAt = 1): OutboxItemRecord => ({
  id,
  channel: 'sms',
  conversationId: 'cv_1',
  contactId: 'ct_1',
  entryId: `sms-out:${id}`,
  entryMonth: '2026-11',
  to: '+14155550123',
  body: 'On my way',
  media: [],
  authorMemberId: 'm1',
  createdAt,
});

describe('the shared outbox document', () => {
  it('adds an item once, and lists items by state in the order they were written', () => {
    const doc = new Y.Doc();
    expect(addOutboxItem(doc, item('b', 2), 'queued')).toBe(true);
    expect(addOutboxItem(doc, item('a', 1), 'queued')).toBe(true);
    expect(addOutboxItem(doc, { ...item('a', 1), body: 'changed' }, 'pending_approval')).toBe(false);
    expect(itemsInState(doc, 'queued').map((i) => [i.id, i.body])).toEqual([['a', 'On my way'], ['b', 'On my way']]);
  });

  it('lets people and the executor make only the lifecycle moves, counting attempts', () => {
    const doc = new Y.Doc();
    addOutboxItem(doc, item('a'), 'pending_approval');
    expect(moveOutboxItem(doc, 'a', 'sending', { at: 2 })).toBe(false);
    expect(moveOutboxItem(doc, 'a', 'queued', { at: 2 })).toBe(true);
    expect(moveOutboxItem(doc, 'a', 'sending', { at: 3 })).toBe(true);
    expect(moveOutboxItem(doc, 'a', 'unknown', { at: 4, error: 'stopped mid-send' })).toBe(true);
    expect(moveOutboxItem(doc, 'a', 'queued', { at: 5 })).toBe(false);
    expect(outboxStatesOf(doc).get('a')).toEqual({ state: 'unknown', error: 'stopped mid-send', at: 4, attempts: 1, providerId: null });
  });

  it('takes what the provider reports in any order but only ever forward, and never re-queues on a stale report', () => {
    const doc = new Y.Doc();
    addOutboxItem(doc, item('a'), 'queued');
    moveOutboxItem(doc, 'a', 'sending', { at: 2 });
    expect(moveOutboxItem(doc, 'a', 'delivered', { at: 3, providerId: 'SM1' })).toBe(true);
    expect(moveOutboxItem(doc, 'a', 'sent', { at: 4 })).toBe(false);
    expect(moveOutboxItem(doc, 'a', 'failed', { at: 5, error: '30007' })).toBe(false);
    expect(outboxStatesOf(doc).get('a')).toMatchObject({ state: 'delivered', providerId: 'SM1', error: null });

    addOutboxItem(doc, item('b'), 'queued');
    moveOutboxItem(doc, 'b', 'sending', { at: 2 });
    moveOutboxItem(doc, 'b', 'failed', { at: 3, error: '30007: filtered' });
    expect(moveOutboxItem(doc, 'b', 'queued', { at: 4 })).toBe(true);
    expect(outboxStatesOf(doc).get('b')).toMatchObject({ state: 'queued', error: null, attempts: 1 });
  });
});
