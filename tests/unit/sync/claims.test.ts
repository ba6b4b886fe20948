import { describe, expect, it } from 'vitest';
import { resolveClaims, type ClaimEvent } from '../../../src-shared/sync/claims';
import { parseRoomName, roomName } from '../../../src-shared/sync/rooms';

const event = (id: string, kind: ClaimEvent['kind'], actorId: string, at: number, assigneeId: string | null = null): ClaimEvent => ({
  id,
  conversationId: 'cv_1',
  kind,
  actorId,
  assigneeId,
  at,
});

describe('resolveClaims', () => {
  it('gives the conversation to the claim the server stamped first, whatever the authors clocks say', () => {
    const laptop = event('e1', 'claim', 'laptop', 1_000);
    const desk = event('e2', 'claim', 'desk', 9_000);
    const stamps = new Map([['e2', 1], ['e1', 2]]);
    expect(resolveClaims([laptop, desk], (id) => stamps.get(id))).toMatchObject({ ownerId: 'desk', pending: [] });
  });

  it('shows an unstamped claim as pending without changing the owner', () => {
    const desk = event('e1', 'claim', 'desk', 1);
    const offline = event('e2', 'claim', 'laptop', 2);
    const state = resolveClaims([desk, offline], (id) => (id === 'e1' ? 1 : undefined));
    expect(state.ownerId).toBe('desk');
    expect(state.pending).toEqual([offline]);
  });

  it('frees the conversation only when its owner releases it', () => {
    const events = [event('a', 'claim', 'desk', 1), event('b', 'release', 'laptop', 2), event('c', 'release', 'desk', 3)];
    const stamp = (id: string) => ({ a: 1, b: 2, c: 3 })[id];
    expect(resolveClaims(events.slice(0, 2), stamp).ownerId).toBe('desk');
    expect(resolveClaims(events, stamp).ownerId).toBeNull();
  });

  it('lets an assignment override earlier claims, and a later claim not override it', () => {
    const events = [event('a', 'claim', 'desk', 1), event('b', 'assign', 'owner', 2, 'luis'), event('c', 'claim', 'desk', 3)];
    const stamp = (id: string) => ({ a: 1, b: 2, c: 3 })[id];
    expect(resolveClaims(events, stamp)).toMatchObject({ ownerId: 'luis', decidedBy: { id: 'b' } });
  });

  it('uses local order when there is no server', () => {
    const events = [event('b', 'claim', 'second', 2), event('a', 'claim', 'first', 1)];
    expect(resolveClaims(events, () => undefined, { localOrder: true })).toMatchObject({ ownerId: 'first', pending: [] });
  });
});

describe('room names', () => {
  it('round-trip the three document kinds', () => {
    for (const room of [
      { kind: 'workspace', workspaceId: 'northside' },
      { kind: 'timeline', workspaceId: 'northside', month: '2026-11' },
      { kind: 'outbox', workspaceId: 'northside' },
    ] as const) {
      expect(parseRoomName(roomName(room))).toEqual(room);
    }
  });

  it('reject anything else, including names that try to reach another workspace', () => {
    for (const bad of ['ws', 'ws/', 'ws/a/../b', 'ws/a/t/2026-13', 'ws/a/t/2026-11/x', 'other/a', 'ws/a b', 'ws/a/outbox/x']) {
      expect(parseRoomName(bad)).toBeNull();
    }
  });
});
