import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { claimEpochs, claimStamps, isServerEpoch, newestKey, readSettled } from '../../../src-shared/sync/claim-doc';
import { allStamps, claimStateOf, writeClaimEvent } from '../../support/claim-doc-view';
import { connectClient, TestServer, waitFor, type Client, type Member } from './harness';

const ROOM = 'ws/acme/claims';

const settledOf = (doc: Y.Doc) => readSettled(doc, 'cv_1');
const stampCount = (doc: Y.Doc) => Object.keys(allStamps(doc)).length;
const ownerOf = (doc: Y.Doc, conversationId: string) => claimStateOf(doc, conversationId);
const claim = (doc: Y.Doc, id: string, actorId: string, at: number) => writeClaimEvent(doc, id, actorId, at);

describe('sync-server: claim stamps', () => {
  let server: TestServer;
  let desk: Member;
  let laptop: Member;
  const clients: Client[] = [];
  const client = (token: string, options?: Parameters<typeof connectClient>[3]) => {
    const c = connectClient(server, ROOM, token, options);
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    server = await TestServer.start();
    desk = await server.workspace('acme');
    laptop = await server.invite(desk, 'agent', 'Van laptop');
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
  });

  it('stamps concurrent offline claims in the order they reach the server, and every replica agrees on the owner', async () => {
    const a = client(desk.token, { connect: false });
    const b = client(laptop.token, { connect: false });
    // The laptop claimed first by its own clock, but reaches the server second.
    claim(b.doc, 'ev_laptop', laptop.memberId, 1_000);
    claim(a.doc, 'ev_desk', desk.memberId, 5_000);
    expect(ownerOf(a.doc, 'cv_1')).toMatchObject({ ownerId: null, pending: [expect.objectContaining({ id: 'ev_desk' })] });

    a.provider.connect();
    await waitFor(() => settledOf(a.doc)?.lastBy[desk.memberId]?.eventId === 'ev_desk', 'the desk claim to be stamped and counted');
    b.provider.connect();
    await waitFor(() => settledOf(a.doc)?.stamp === 2 && settledOf(b.doc)?.stamp === 2, 'both replicas to hold both claims counted');

    const observer = client(desk.token);
    await observer.synced();
    for (const doc of [a.doc, b.doc, observer.doc]) {
      expect(settledOf(doc)).toEqual({
        ownerId: desk.memberId,
        stamp: 2,
        lastBy: { [desk.memberId]: { eventId: 'ev_desk', kind: 'claim' }, [laptop.memberId]: { eventId: 'ev_laptop', kind: 'claim' } },
      });
      expect(ownerOf(doc, 'cv_1')).toEqual({ ownerId: desk.memberId, pending: [] });
    }
  });

  it('keeps numbering after a restart and after the room was unloaded', async () => {
    const a = client(desk.token);
    await a.synced();
    claim(a.doc, 'ev_1', desk.memberId, 1);
    claim(a.doc, 'ev_2', desk.memberId, 2);
    await waitFor(() => stampCount(server.storedDoc(ROOM)) === 2, 'two stored stamps');
    a.destroy();

    await server.restart();
    const b = client(laptop.token);
    await b.synced();
    writeClaimEvent(b.doc, 'ev_3', desk.memberId, 3, 'release');
    await waitFor(() => allStamps(b.doc).ev_3 !== undefined, 'the third event to be stamped');
    expect(allStamps(b.doc)).toEqual({ ev_1: 1, ev_2: 2, ev_3: 3 });
    expect(allStamps(server.storedDoc(ROOM))).toEqual({ ev_1: 1, ev_2: 2, ev_3: 3 });
    expect(ownerOf(b.doc, 'cv_1').ownerId).toBeNull();
  });

  it('undoes stamps a client writes itself, so nobody can jump the queue', async () => {
    const a = client(desk.token);
    const b = client(laptop.token);
    await Promise.all([a.synced(), b.synced()]);
    claim(a.doc, 'ev_desk', desk.memberId, 1);
    await waitFor(() => allStamps(b.doc).ev_desk === 1, 'the honest claim to be stamped');

    b.doc.transact(() => {
      claim(b.doc, 'ev_cheat', laptop.memberId, 2);
      const epochStamps = claimStamps(b.doc).get(newestKey(claimEpochs(b.doc), isServerEpoch) ?? '');
      epochStamps?.set('ev_cheat', 0);
      epochStamps?.delete('ev_desk');
      epochStamps?.set('ev_ghost', 7);
    });
    const settled = (doc: Y.Doc) => {
      const stamps = allStamps(doc);
      return stamps.ev_desk === 1 && stamps.ev_cheat === 2 && Object.keys(stamps).length === 2;
    };
    await waitFor(() => settled(a.doc) && settled(b.doc) && settled(server.storedDoc(ROOM)), 'the forged stamps to be undone everywhere');
    expect(ownerOf(a.doc, 'cv_1').ownerId).toBe(desk.memberId);
    expect(ownerOf(b.doc, 'cv_1').ownerId).toBe(desk.memberId);
  });

  it('does not stamp anything outside workspace documents', async () => {
    const timeline = connectClient(server, 'ws/acme/t/2025-03', desk.token);
    clients.push(timeline);
    await timeline.synced();
    claim(timeline.doc, 'ev_x', desk.memberId, 1);
    timeline.doc.getText('marker').insert(0, 'stored');
    await waitFor(() => server.storedDoc('ws/acme/t/2025-03').getText('marker').toString() === 'stored', 'the edit to be stored');
    expect(stampCount(server.storedDoc('ws/acme/t/2025-03'))).toBe(0);
  });
});
