import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLAIM_EVENTS_MAP, CLAIM_STAMPS_MAP, resolveClaims, type ClaimEvent } from '../../../src-shared/sync/claims';
import { connectClient, TestServer, waitFor, type Client, type Member } from './harness';

const ROOM = 'ws/acme';

const events = (doc: Y.Doc) => doc.getMap<ClaimEvent>(CLAIM_EVENTS_MAP);
const stamps = (doc: Y.Doc) => doc.getMap<number>(CLAIM_STAMPS_MAP);
const ownerOf = (doc: Y.Doc, conversationId: string) =>
  resolveClaims(
    [...events(doc).values()].filter((e) => e.conversationId === conversationId),
    (id) => stamps(doc).get(id),
  );

function claim(doc: Y.Doc, id: string, actorId: string, at: number): void {
  events(doc).set(id, { id, conversationId: 'cv_1', kind: 'claim', actorId, assigneeId: null, at });
}

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
    await waitFor(() => stamps(a.doc).get('ev_desk') !== undefined, 'the desk claim to be stamped');
    b.provider.connect();
    await waitFor(() => stamps(a.doc).size === 2 && stamps(b.doc).size === 2, 'both replicas to hold both stamps');

    const observer = client(desk.token);
    await observer.synced();
    for (const doc of [a.doc, b.doc, observer.doc]) {
      expect(stamps(doc).toJSON()).toEqual({ ev_desk: 1, ev_laptop: 2 });
      expect(ownerOf(doc, 'cv_1')).toMatchObject({ ownerId: desk.memberId, pending: [] });
    }
  });

  it('keeps numbering after a restart and after the room was unloaded', async () => {
    const a = client(desk.token);
    await a.synced();
    claim(a.doc, 'ev_1', desk.memberId, 1);
    claim(a.doc, 'ev_2', desk.memberId, 2);
    await waitFor(() => server.storedDoc(ROOM).getMap(CLAIM_STAMPS_MAP).size === 2, 'two stored stamps');
    a.destroy();

    await server.restart();
    const b = client(laptop.token);
    await b.synced();
    events(b.doc).set('ev_3', { id: 'ev_3', conversationId: 'cv_1', kind: 'release', actorId: desk.memberId, assigneeId: null, at: 3 });
    await waitFor(() => stamps(b.doc).has('ev_3'), 'the third event to be stamped');
    expect(stamps(b.doc).toJSON()).toEqual({ ev_1: 1, ev_2: 2, ev_3: 3 });
    expect(server.storedDoc(ROOM).getMap(CLAIM_STAMPS_MAP).toJSON()).toEqual({ ev_1: 1, ev_2: 2, ev_3: 3 });
    expect(ownerOf(b.doc, 'cv_1').ownerId).toBeNull();
  });

  it('undoes stamps a client writes itself, so nobody can jump the queue', async () => {
    const a = client(desk.token);
    const b = client(laptop.token);
    await Promise.all([a.synced(), b.synced()]);
    claim(a.doc, 'ev_desk', desk.memberId, 1);
    await waitFor(() => stamps(b.doc).get('ev_desk') === 1, 'the honest claim to be stamped');

    b.doc.transact(() => {
      claim(b.doc, 'ev_cheat', laptop.memberId, 2);
      stamps(b.doc).set('ev_cheat', 0);
      stamps(b.doc).delete('ev_desk');
      stamps(b.doc).set('ev_ghost', 7);
    });
    const settled = (doc: Y.Doc) => JSON.stringify(stamps(doc).toJSON()) === JSON.stringify({ ev_desk: 1, ev_cheat: 2 });
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
    expect(server.storedDoc('ws/acme/t/2025-03').getMap(CLAIM_STAMPS_MAP).size).toBe(0);
  });
});
