import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, TestServer, waitFor, type Client, type Member } from './harness';

const ROOM = 'ws/acme/t/2025-03';

describe('sync-server: clients in one room', () => {
  let server: TestServer;
  let owner: Member;
  let agent: Member;
  const clients: Client[] = [];
  const client = (room: string, token: string, options?: Parameters<typeof connectClient>[3]) => {
    const c = connectClient(server, room, token, options);
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    server = await TestServer.start({ idleUnloadMs: 150, maxUpdateBytes: 64 * 1024 });
    owner = await server.workspace('acme');
    agent = await server.invite(owner, 'agent', 'Front desk');
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
  });

  it('converges text and map edits made on either side, including concurrent ones', async () => {
    const a = client(ROOM, owner.token);
    const b = client(ROOM, agent.token);
    await Promise.all([a.synced(), b.synced()]);

    a.doc.getText('body').insert(0, 'Leaking tap at 12 Elm St');
    await waitFor(() => b.doc.getText('body').toString() === 'Leaking tap at 12 Elm St', 'b to see a');
    b.doc.getMap('entry').set('status', 'delivered');
    await waitFor(() => a.doc.getMap('entry').get('status') === 'delivered', 'a to see b');

    a.doc.getText('body').insert(0, '[urgent] ');
    b.doc.getText('body').insert(b.doc.getText('body').length, ', back door');
    a.doc.getMap('entry').set('assignee', 'ann');
    b.doc.getMap('entry').set('tag', 'plumbing');
    await waitFor(() => a.doc.getText('body').toString() === b.doc.getText('body').toString() && a.doc.getMap('entry').size === 3 && b.doc.getMap('entry').size === 3, 'convergence');
    expect(a.doc.getText('body').toString()).toBe('[urgent] Leaking tap at 12 Elm St, back door');
    expect(b.doc.getMap('entry').toJSON()).toEqual({ status: 'delivered', assignee: 'ann', tag: 'plumbing' });
    expect(a.doc.getMap('entry').toJSON()).toEqual(b.doc.getMap('entry').toJSON());
  });

  it('brings a client that edited while offline back in step, both ways', async () => {
    const a = client(ROOM, owner.token);
    await a.synced();
    a.doc.getMap('notes').set('n1', 'called back, no answer');

    const laptopDoc = new Y.Doc();
    laptopDoc.getMap('notes').set('n2', 'written on the van laptop');
    const laptop = client(ROOM, agent.token, { doc: laptopDoc, connect: false });
    a.doc.getMap('notes').set('n3', 'left voicemail');
    laptop.provider.connect();
    await laptop.synced();

    const expected = { n1: 'called back, no answer', n2: 'written on the van laptop', n3: 'left voicemail' };
    await waitFor(() => a.doc.getMap('notes').size === 3 && laptopDoc.getMap('notes').size === 3, 'both to hold all notes');
    expect(a.doc.getMap('notes').toJSON()).toEqual(expected);
    expect(laptopDoc.getMap('notes').toJSON()).toEqual(expected);
  });

  it('refuses an oversized update with 1009 and keeps the document intact for everyone', async () => {
    const a = client(ROOM, owner.token, { reconnect: false });
    const b = client(ROOM, agent.token);
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getText('body').insert(0, 'before');
    await waitFor(() => b.doc.getText('body').toString() === 'before', 'b to see the first edit');

    a.doc.getText('body').insert(6, 'x'.repeat(100 * 1024));
    await waitFor(() => a.closes.length > 0, 'a to be closed');
    expect(a.closes[0]).toEqual({ code: 1009, reason: 'update of 100 KB exceeds the 64 KB limit' });

    // An edit from b after the refused one proves b's socket is past the point where the big one would have arrived.
    b.doc.getMap('meta').set('after', true);
    await waitFor(() => server.storedDoc(ROOM).getMap('meta').get('after') === true, 'the later edit to be stored');
    expect(b.doc.getText('body').toString()).toBe('before');
    expect(server.storedDoc(ROOM).getText('body').toString()).toBe('before');
    expect(Math.max(...server.storedRows(ROOM).map((row) => row.byteLength))).toBeLessThan(64 * 1024);

    const fresh = client(ROOM, owner.token);
    await fresh.synced();
    expect(fresh.doc.getText('body').toString()).toBe('before');
    fresh.doc.getText('body').insert(6, ' and after');
    await waitFor(() => b.doc.getText('body').toString() === 'before and after', 'a normal edit to get through');
  });

  it('unloads a room nobody is in, and reloads it intact', async () => {
    // Joining members loaded the workspace room (the server lists members there); it unloads first.
    await waitFor(async () => (await server.healthz()).rooms === 0, 'the workspace room to unload', 3_000);
    const a = client(ROOM, owner.token);
    await a.synced();
    a.doc.getText('body').insert(0, 'kept');
    await waitFor(() => server.storedDoc(ROOM).getText('body').toString() === 'kept', 'the edit to be stored');
    expect(await server.healthz()).toEqual({ ok: true, rooms: 1, connections: 1 });

    a.destroy();
    await waitFor(async () => (await server.healthz()).rooms === 0, 'the room to unload', 3_000);
    expect((await server.healthz()).connections).toBe(0);

    const b = client(ROOM, agent.token);
    await b.synced();
    expect(b.doc.getText('body').toString()).toBe('kept');
    expect((await server.healthz()).rooms).toBe(1);
  });
});
