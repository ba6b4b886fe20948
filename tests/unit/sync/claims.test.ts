import { describe, expect, it } from 'vitest';
import { alreadyFolded, claimViewFor, decodeSettled, encodeSettled, foldClaim, resolveClaims, type ClaimEvent, type SettledClaim } from '../../../src-shared/sync/claims';
import { parseRoomName, roomName } from '../../../src-shared/sync/rooms';

const event = (id: string, kind: ClaimEvent['kind'], actorId: string, at: number, assigneeId: string | null = null): ClaimEvent => ({
  id,
  conversationId: 'cv_1',
  kind,
  actorId,
  assigneeId,
  at,
});

/** The settled claim after these events, stamped in the order given (as the server folds them). */
const settle = (events: ClaimEvent[]): SettledClaim | undefined =>
  events.reduce<SettledClaim | undefined>((settled, e, i) => foldClaim(settled, e, i + 1), undefined);
const noStamp = () => undefined;

describe('claims', () => {
  it('give the conversation to the claim the server stamped first, whatever the authors clocks say, and tell the other who won', () => {
    const laptop = event('e1', 'claim', 'laptop', 1_000);
    const desk = event('e2', 'claim', 'desk', 9_000);
    const settled = settle([desk, laptop]);
    const state = resolveClaims(settled, [], noStamp);
    expect(state).toEqual({ ownerId: 'desk', pending: [] });
    expect(claimViewFor(state, settled, 'laptop')).toEqual({ pendingMine: false, lostTo: 'desk' });
    expect(claimViewFor(state, settled, 'desk')).toEqual({ pendingMine: false, lostTo: null });
  });

  it('show an unstamped claim as pending without changing the owner', () => {
    const desk = event('e1', 'claim', 'desk', 1);
    const offline = event('e2', 'claim', 'laptop', 2);
    const state = resolveClaims(settle([desk]), [desk, offline], (id) => (id === 'e1' ? 1 : undefined));
    expect(state).toEqual({ ownerId: 'desk', pending: [offline] });
    expect(claimViewFor(state, settle([desk]), 'laptop').pendingMine).toBe(true);
  });

  it('free the conversation only when its owner releases it', () => {
    const events = [event('a', 'claim', 'desk', 1), event('b', 'release', 'laptop', 2), event('c', 'release', 'desk', 3)];
    expect(settle(events.slice(0, 2))?.ownerId).toBe('desk');
    expect(settle(events)?.ownerId).toBeNull();
  });

  it('let an assignment override earlier claims, and a later claim not override it', () => {
    const events = [event('a', 'claim', 'desk', 1), event('b', 'assign', 'owner', 2, 'luis'), event('c', 'claim', 'desk', 3)];
    expect(settle(events)).toMatchObject({ ownerId: 'luis', stamp: 3 });
  });

  it('use local order when there is no server', () => {
    const events = [event('b', 'claim', 'second', 2), event('a', 'claim', 'first', 1)];
    expect(resolveClaims(undefined, events, noStamp, { localOrder: true })).toEqual({ ownerId: 'first', pending: [] });
  });

  it('know an event as counted once it, or a later one by the same member, was folded', () => {
    const first = event('clm_01', 'claim', 'desk', 1);
    const later = event('clm_02', 'release', 'desk', 2);
    expect(alreadyFolded(settle([first]), first)).toBe(true);
    expect(alreadyFolded(settle([first]), later)).toBe(false);
    expect(alreadyFolded(settle([later]), first)).toBe(true);
    expect(alreadyFolded(settle([event('clm_03', 'claim', 'laptop', 3)]), first)).toBe(false);
  });

  it('keep a settled claim as one string, and read nothing from a value that is not one', () => {
    const settled = settle([event('a', 'claim', 'desk', 1), event('b', 'assign', 'owner', 2, 'luis')]) as SettledClaim;
    expect(decodeSettled(encodeSettled(settled))).toEqual(settled);
    for (const bad of [undefined, 7, '{', '[null,1]', '["x","1",[]]', '[null,1,[["m","steal","e"]]]', JSON.stringify(settled)]) {
      expect(decodeSettled(bad)).toBeUndefined();
    }
  });
});

describe('room names', () => {
  it('round-trip the four document kinds', () => {
    for (const room of [
      { kind: 'workspace', workspaceId: 'northside' },
      { kind: 'timeline', workspaceId: 'northside', month: '2026-11' },
      { kind: 'outbox', workspaceId: 'northside' },
      { kind: 'claims', workspaceId: 'northside' },
    ] as const) {
      expect(parseRoomName(roomName(room))).toEqual(room);
    }
  });

  it('reject anything else, including names that try to reach another workspace', () => {
    for (const bad of ['ws', 'ws/', 'ws/a/../b', 'ws/a/t/2026-13', 'ws/a/t/2026-11/x', 'other/a', 'ws/a b', 'ws/a/outbox/x', 'ws/a/claims/x', 'ws/a/claim']) {
      expect(parseRoomName(bad)).toBeNull();
    }
  });
});
