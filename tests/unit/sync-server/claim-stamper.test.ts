import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLAIM_EVENTS_MAP, CLAIM_STAMPS_MAP, type ClaimEvent } from '../../../src-shared/sync/claims';
import { ClaimStamper } from '../../../sync-server/rooms/claim-stamper';
import { SERVER_WRITE, STORED_LOAD } from '../../../sync-server/rooms/origins';

const CLIENT = { connection: 1 };

function event(id: string, at: number): ClaimEvent {
  return { id, conversationId: 'cv', kind: 'claim', actorId: 'm', assigneeId: null, at };
}

/** A client's change as the server receives it: an update applied with the connection as origin. */
function fromClient(server: Y.Doc, change: (doc: Y.Doc) => void): void {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(client);
  change(client);
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client, before), CLIENT);
}

describe('ClaimStamper', () => {
  it('stamps new events in arrival order, by author clock within one update', () => {
    const doc = new Y.Doc();
    const stamper = new ClaimStamper(doc);
    stamper.resume();
    fromClient(doc, (d) => d.getMap(CLAIM_EVENTS_MAP).set('late', event('late', 50)));
    expect(stamper.settle()).toEqual({ stamped: 1, undone: 0 });
    fromClient(doc, (d) => {
      d.getMap(CLAIM_EVENTS_MAP).set('b', event('b', 20));
      d.getMap(CLAIM_EVENTS_MAP).set('a', event('a', 10));
    });
    stamper.settle();
    expect(doc.getMap(CLAIM_STAMPS_MAP).toJSON()).toEqual({ late: 1, a: 2, b: 3 });
    expect(stamper.settle()).toEqual({ stamped: 0, undone: 0 });
  });

  it('writes stamps as the server, and does not take its own writes for forgeries', () => {
    const doc = new Y.Doc();
    const stamper = new ClaimStamper(doc);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    fromClient(doc, (d) => d.getMap(CLAIM_EVENTS_MAP).set('f', event('f', 1)));
    expect(stamper.settle()).toEqual({ stamped: 1, undone: 0 });
    expect(origins).toEqual([CLIENT, SERVER_WRITE]);
    doc.transact(() => doc.getMap(CLAIM_EVENTS_MAP).set('system', event('system', 2)), SERVER_WRITE);
    expect(stamper.settle()).toEqual({ stamped: 1, undone: 0 });
    expect(doc.getMap(CLAIM_STAMPS_MAP).toJSON()).toEqual({ f: 1, system: 2 });
  });

  it('resumes after the highest stamp and stamps what was left unstamped, oldest first', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      doc.getMap(CLAIM_EVENTS_MAP).set('x', event('x', 1));
      doc.getMap(CLAIM_STAMPS_MAP).set('x', 41);
      doc.getMap(CLAIM_EVENTS_MAP).set('y2', event('y2', 30));
      doc.getMap(CLAIM_EVENTS_MAP).set('y1', event('y1', 20));
    }, STORED_LOAD);
    new ClaimStamper(doc).resume();
    expect(doc.getMap(CLAIM_STAMPS_MAP).toJSON()).toEqual({ x: 41, y1: 42, y2: 43 });
  });

  it('undoes a client writing, changing or deleting stamps', () => {
    const doc = new Y.Doc();
    const stamper = new ClaimStamper(doc);
    fromClient(doc, (d) => d.getMap(CLAIM_EVENTS_MAP).set('honest', event('honest', 1)));
    stamper.settle();
    fromClient(doc, (d) => {
      d.getMap(CLAIM_EVENTS_MAP).set('cheat', event('cheat', 2));
      d.getMap(CLAIM_STAMPS_MAP).set('cheat', 0);
      d.getMap(CLAIM_STAMPS_MAP).delete('honest');
      d.getMap(CLAIM_STAMPS_MAP).set('ghost', 5);
    });
    expect(stamper.settle()).toEqual({ stamped: 1, undone: 3 });
    expect(doc.getMap(CLAIM_STAMPS_MAP).toJSON()).toEqual({ honest: 1, cheat: 2 });
    fromClient(doc, (d) => d.getMap(CLAIM_STAMPS_MAP).set('honest', 99));
    stamper.settle();
    expect(doc.getMap(CLAIM_STAMPS_MAP).get('honest')).toBe(1);
  });
});
