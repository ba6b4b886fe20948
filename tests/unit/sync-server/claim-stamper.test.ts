import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSettled, type ClaimEvent } from '../../../src-shared/sync/claims';
import { appendClaimEvent, claimEpochs, claimStamps, currentSettled, isServerEpoch, LEGACY_CLAIM_EVENTS_MAP, LEGACY_CLAIM_STAMPS_MAP, newestKey, readSettled, settledGenerations } from '../../../src-shared/sync/claim-doc';
import { ClaimStamper, EPOCH_EVENTS } from '../../../sync-server/rooms/claim-stamper';
import { SERVER_WRITE, STORED_LOAD } from '../../../sync-server/rooms/origins';
import { createClaimLog } from '../../../src-main/core/claims/claim-log';
import { allStamps, claimStateOf } from '../../support/claim-doc-view';

const CLIENT = { connection: 1 };

function event(id: string, at: number, actorId = 'm', conversationId = 'cv'): ClaimEvent {
  return { id, conversationId, kind: 'claim', actorId, assigneeId: null, at };
}

const clients = new WeakMap<Y.Doc, Y.Doc>();

/** A client's change as the server receives it: an update applied with the connection as origin. */
function fromClient(server: Y.Doc, change: (doc: Y.Doc) => void): void {
  const client = clients.get(server) ?? new Y.Doc();
  clients.set(server, client);
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)));
  const before = Y.encodeStateVector(client);
  change(client);
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client, before), CLIENT);
}

/** Two-way exchange between a PC's document and the server's, the server settling what it took in. */
function exchange(pc: Y.Doc, server: Y.Doc, stamper: ClaimStamper): void {
  for (let round = 0; round < 3; round++) {
    Y.applyUpdate(server, Y.encodeStateAsUpdate(pc, Y.encodeStateVector(server)), CLIENT);
    stamper.settle();
    Y.applyUpdate(pc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(pc)));
  }
}

function startedServer(): { doc: Y.Doc; stamper: ClaimStamper } {
  const doc = new Y.Doc();
  const stamper = new ClaimStamper(doc);
  stamper.resume();
  return { doc, stamper };
}

describe('ClaimStamper', () => {
  it('opens the first epoch, and stamps new events in arrival order, by author clock within one update', () => {
    const { doc, stamper } = startedServer();
    expect(newestKey(claimEpochs(doc), isServerEpoch)).not.toBeNull();
    fromClient(doc, (d) => appendClaimEvent(d, event('late', 50)));
    expect(stamper.settle()).toEqual({ stamped: 1, undone: 0 });
    fromClient(doc, (d) => {
      appendClaimEvent(d, event('b', 20));
      appendClaimEvent(d, event('a', 10));
    });
    stamper.settle();
    expect(allStamps(doc)).toEqual({ late: 1, a: 2, b: 3 });
    expect(stamper.settle()).toEqual({ stamped: 0, undone: 0 });
    expect(readSettled(doc, 'cv')).toMatchObject({ ownerId: 'm', stamp: 3 });
  });

  it('writes stamps as the server, and does not take its own writes for forgeries', () => {
    const { doc, stamper } = startedServer();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    fromClient(doc, (d) => appendClaimEvent(d, event('f', 1)));
    expect(stamper.settle()).toEqual({ stamped: 1, undone: 0 });
    expect(origins).toEqual([CLIENT, SERVER_WRITE]);
    doc.transact(() => appendClaimEvent(doc, event('system', 2)), SERVER_WRITE);
    expect(stamper.settle()).toEqual({ stamped: 1, undone: 0 });
    expect(allStamps(doc)).toEqual({ f: 1, system: 2 });
  });

  it('resumes after the highest stamp and stamps what was left unstamped, oldest first', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      appendClaimEvent(doc, event('x', 1));
      claimStamps(doc).set(newestKey(claimEpochs(doc)) as string, new Y.Map<number>([['x', 41]]));
      appendClaimEvent(doc, event('y2', 30));
      appendClaimEvent(doc, event('y1', 20));
    }, STORED_LOAD);
    const stamper = new ClaimStamper(doc);
    stamper.resume();
    // The PC's own epoch is counted in full, so it is let go; what it held is in the settled record.
    expect(allStamps(doc)).toEqual({});
    expect(readSettled(doc, 'cv')).toMatchObject({ stamp: 43, lastBy: { m: { eventId: 'y2' } } });
    fromClient(doc, (d) => appendClaimEvent(d, event('z', 40)));
    stamper.settle();
    expect(allStamps(doc)).toEqual({ z: 44 });
  });

  it('undoes a client writing, changing or deleting stamps and settled claims', () => {
    const { doc, stamper } = startedServer();
    fromClient(doc, (d) => appendClaimEvent(d, event('honest', 1, 'desk')));
    stamper.settle();
    fromClient(doc, (d) => {
      appendClaimEvent(d, event('cheat', 2, 'laptop'));
      const stamps = claimStamps(d).get(newestKey(claimEpochs(d), isServerEpoch) as string);
      stamps?.set('cheat', 0);
      stamps?.delete('honest');
      stamps?.set('ghost', 5);
      currentSettled(d)?.set('cv', encodeSettled({ ownerId: 'laptop', stamp: 0, lastBy: {} }));
    });
    expect(stamper.settle()).toEqual({ stamped: 1, undone: 1 });
    expect(allStamps(doc)).toEqual({ honest: 1, cheat: 2 });
    expect(claimStateOf(doc, 'cv').ownerId).toBe('desk');
    fromClient(doc, (d) => settledGenerations(d).clear());
    stamper.settle();
    expect(claimStateOf(doc, 'cv').ownerId).toBe('desk');
  });

  it('carries over claims kept the way earlier builds kept them, and moves a flat event an old PC writes into an epoch', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      const events = doc.getMap<ClaimEvent>(LEGACY_CLAIM_EVENTS_MAP);
      const stamps = doc.getMap<number>(LEGACY_CLAIM_STAMPS_MAP);
      events.set('desk', event('desk', 1, 'desk'));
      events.set('laptop', event('laptop', 2, 'laptop'));
      events.set('offline', { ...event('offline', 3, 'desk'), kind: 'release' });
      stamps.set('laptop', 7);
      stamps.set('desk', 8);
    }, STORED_LOAD);
    const stamper = new ClaimStamper(doc);
    stamper.resume();
    // The laptop's claim reached the old server first; the desk's later release of a conversation it did not have changes nothing.
    expect(readSettled(doc, 'cv')).toEqual({
      ownerId: 'laptop',
      stamp: 9,
      lastBy: { laptop: { eventId: 'laptop', kind: 'claim' }, desk: { eventId: 'offline', kind: 'release' } },
    });
    expect(allStamps(doc)).toEqual({ offline: 9 });
    expect(doc.getMap(LEGACY_CLAIM_EVENTS_MAP).size + doc.getMap(LEGACY_CLAIM_STAMPS_MAP).size).toBe(0);
    fromClient(doc, (d) => d.getMap<ClaimEvent>(LEGACY_CLAIM_EVENTS_MAP).set('old-pc', { ...event('old-pc', 4, 'laptop'), kind: 'release' }));
    stamper.settle();
    expect(claimStateOf(doc, 'cv')).toEqual({ ownerId: null, pending: [] });
    expect(doc.getMap(LEGACY_CLAIM_EVENTS_MAP).size).toBe(0);
  });

  it('keeps the document from growing with every claim: counted epochs and overwritten records are let go', () => {
    const { doc, stamper } = startedServer();
    const claimMany = (from: number, count: number) => {
      for (let i = from; i < from + count; i++) {
        fromClient(doc, (d) => appendClaimEvent(d, event(`clm_${String(i).padStart(6, '0')}`, i, `m${i % 3}`, `cv_${i % 50}`)));
        stamper.settle();
      }
    };
    claimMany(0, 2 * EPOCH_EVENTS);
    const early = Y.encodeStateAsUpdate(doc).byteLength;
    claimMany(2 * EPOCH_EVENTS, 8 * EPOCH_EVENTS);
    const late = Y.encodeStateAsUpdate(doc).byteLength;
    expect([...claimEpochs(doc).keys()].length).toBeLessThanOrEqual(3);
    expect(settledGenerations(doc).size).toBe(1);
    expect(currentSettled(doc)?.size).toBe(50);
    expect(Object.keys(allStamps(doc)).length).toBeLessThanOrEqual(3 * EPOCH_EVENTS);
    // Five times the claims; the state must not follow them.
    expect(late).toBeLessThan(early * 1.5);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(doc));
    expect(claimStateOf(reloaded, 'cv_7')).toEqual(claimStateOf(doc, 'cv_7'));
  });

  it('gets a claim a PC made offline into an epoch the server has since deleted: the PC writes it again', () => {
    const { doc: server, stamper } = startedServer();
    const pc = new Y.Doc();
    const log = createClaimLog(pc, { localOrder: false });
    exchange(pc, server, stamper);
    log.append(event('clm_offline', 1, 'laptop', 'cv_van'));
    for (let i = 0; i < 3 * EPOCH_EVENTS; i++) {
      fromClient(server, (d) => appendClaimEvent(d, event(`clm_desk_${String(i).padStart(6, '0')}`, i, 'desk', `cv_${i % 20}`)));
      stamper.settle();
    }
    exchange(pc, server, stamper);
    expect(claimStateOf(server, 'cv_van').ownerId).toBe('laptop');
    expect(log.resolve('cv_van')).toEqual({ ownerId: 'laptop', pending: [] });
    expect(readSettled(server, 'cv_van')?.lastBy.laptop?.eventId).toBe('clm_offline');
  });
});
