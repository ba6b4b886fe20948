import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openStore, type Store } from '../../../src-main/core/store/open-store';
import { openRoomReplica, type RoomReplica } from '../../../src-main/core/sync/room-replica';
import { connectRoom, type SyncStatus } from '../../../src-main/core/sync/sync-connection';
import { createUpdateLog } from '../../../src-main/core/sync/update-log';
import { allStamps, claimStateOf, writeClaimEvent } from '../../support/claim-doc-view';
import { TestServer } from '../sync-server/harness';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One PC: its own SQLite store, the replica of one room, and (when online) its connection. */
class Pc {
  store: Store;
  replica: RoomReplica;
  connection: ReturnType<typeof connectRoom> | null = null;
  statuses: SyncStatus[] = [];

  constructor(
    readonly dataDir: string,
    readonly room: string,
  ) {
    this.store = openStore(path.join(dataDir, 'switchboard.db'));
    this.replica = openRoomReplica(createUpdateLog(this.store.sqlite), room);
    cleanups.push(() => this.shutDown());
  }

  get doc(): Y.Doc {
    return this.replica.doc;
  }

  connect(serverUrl: string, token: string): void {
    this.connection = connectRoom({ serverUrl, token, room: this.room, doc: this.doc, onStatus: (s) => this.statuses.push(s) });
  }

  disconnect(): void {
    this.connection?.close();
    this.connection = null;
  }

  /** Like quitting the app and starting it again: everything comes back from SQLite. */
  restart(): void {
    this.shutDown();
    this.store = openStore(path.join(this.dataDir, 'switchboard.db'));
    this.replica = openRoomReplica(createUpdateLog(this.store.sqlite), this.room);
  }

  shutDown(): void {
    this.disconnect();
    this.replica.destroy();
    this.store.close();
  }
}

async function eventually(check: () => void, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

async function setUp() {
  const server = await TestServer.start({ idleUnloadMs: 60_000 });
  cleanups.push(() => server.stop());
  const owner = await server.workspace('northside');
  const desk = await server.invite(owner, 'agent', 'Front desk');
  const wsUrl = server.url.replace(/^http/, 'ws');
  return { server, owner, desk, wsUrl, room: 'ws/northside' };
}

function claim(pc: Pc, id: string, actorId: string, at: number): void {
  writeClaimEvent(pc.doc, id, actorId, at);
}

function ownerSeenBy(pc: Pc): string | null {
  return claimStateOf(pc.doc, 'cv_1').ownerId;
}

describe('replication between PCs through the real sync-server', () => {
  it('carries an edit from one PC to another and stores it on both', async () => {
    const { owner, desk, wsUrl, room } = await setUp();
    const a = new Pc(tempDir(), room);
    const b = new Pc(tempDir(), room);
    a.connect(wsUrl, owner.token);
    b.connect(wsUrl, desk.token);
    a.doc.getMap('notes').set('n1', 'Gate code is 4471');
    await eventually(() => expect(b.doc.getMap('notes').get('n1')).toBe('Gate code is 4471'));
    await eventually(() => expect(a.connection?.status()).toEqual({ state: 'synced' }));
    b.restart();
    expect(b.doc.getMap('notes').get('n1')).toBe('Gate code is 4471');
  });

  it('keeps what a laptop wrote offline across a restart, and merges it on reconnect', async () => {
    const { owner, desk, wsUrl, room } = await setUp();
    const office = new Pc(tempDir(), room);
    const laptop = new Pc(tempDir(), room);
    office.connect(wsUrl, owner.token);
    laptop.connect(wsUrl, desk.token);
    await eventually(() => expect(laptop.connection?.status()).toEqual({ state: 'synced' }));

    laptop.disconnect();
    laptop.doc.getMap('notes').set('from-laptop', 'Written in the van');
    office.doc.getMap('notes').set('from-office', 'Written at the desk');
    laptop.restart();
    expect(laptop.doc.getMap('notes').get('from-laptop')).toBe('Written in the van');

    laptop.connect(wsUrl, desk.token);
    for (const pc of [office, laptop]) {
      await eventually(() => expect(pc.doc.getMap('notes').toJSON()).toEqual({ 'from-laptop': 'Written in the van', 'from-office': 'Written at the desk' }));
    }
  });

  it('gives a conversation claimed on two disconnected PCs to the claim the server received first', async () => {
    const { owner, desk, wsUrl, room } = await setUp();
    const first = new Pc(tempDir(), `${room}/claims`);
    const second = new Pc(tempDir(), `${room}/claims`);
    claim(second, 'claim-by-second', 'second', 1_000);
    claim(first, 'claim-by-first', 'first', 9_000);
    expect(ownerSeenBy(first)).toBeNull();

    first.connect(wsUrl, owner.token);
    await eventually(() => expect(ownerSeenBy(first)).toBe('first'));
    second.connect(wsUrl, desk.token);
    for (const pc of [first, second]) await eventually(() => expect(ownerSeenBy(pc)).toBe('first'));
    await eventually(() => expect(allStamps(second.doc)).toEqual(allStamps(first.doc)));
  });

  it('reconnects by itself after the server restarts, and nothing is lost', async () => {
    const { server, owner, desk, wsUrl, room } = await setUp();
    const a = new Pc(tempDir(), room);
    const b = new Pc(tempDir(), room);
    a.connect(wsUrl, owner.token);
    b.connect(wsUrl, desk.token);
    a.doc.getMap('notes').set('before', 'before the restart');
    await eventually(() => expect(b.doc.getMap('notes').get('before')).toBe('before the restart'));

    await server.restart();
    await eventually(() => expect(a.statuses.some((s) => s.state === 'offline')).toBe(true));
    b.doc.getMap('notes').set('after', 'after the restart');
    await eventually(() => expect(a.doc.getMap('notes').toJSON()).toEqual({ before: 'before the restart', after: 'after the restart' }), 15_000);
  });

  it('keeps retrying when the server answers with an error of its own, such as shutting down', async () => {
    let upgrades = 0;
    const busy = createServer();
    busy.on('upgrade', (_request, socket) => {
      upgrades++;
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 28\r\n\r\nThe server is shutting down.');
    });
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => busy.close(resolve)));
    const pc = new Pc(tempDir(), 'ws/northside');
    pc.connect(`ws://127.0.0.1:${(busy.address() as AddressInfo).port}`, 'token');
    await eventually(() => expect(upgrades).toBeGreaterThanOrEqual(2), 5_000);
    expect(pc.statuses.some((s) => s.state === 'refused')).toBe(false);
    expect(pc.connection?.status()).toMatchObject({ state: 'offline' });
    pc.disconnect();
  });

  it('stops retrying, and says why, when the server refuses this PC', async () => {
    const { wsUrl, room } = await setUp();
    const pc = new Pc(tempDir(), room);
    pc.connect(wsUrl, 'forged-token');
    await eventually(() => expect(pc.connection?.status()).toMatchObject({ state: 'refused', reason: expect.stringMatching(/token/) }));
  });

  it('merges a long local log into one row without changing the document', async () => {
    const pc = new Pc(tempDir(), 'ws/northside');
    const notes = pc.doc.getMap('notes');
    for (let i = 0; i < 600; i++) notes.set(`n${i}`, `note ${i}`);
    const log = createUpdateLog(pc.store.sqlite);
    expect(log.rowCount('ws/northside')).toBeLessThan(200);
    pc.restart();
    expect(pc.doc.getMap('notes').size).toBe(600);
    expect(pc.doc.getMap('notes').get('n599')).toBe('note 599');
  });

  it('merges only the rows written since the last snapshot, leaving rows merged before as they were', async () => {
    const pc = new Pc(tempDir(), 'ws/northside');
    const notes = pc.doc.getMap('notes');
    const log = createUpdateLog(pc.store.sqlite);
    for (let i = 0; i < 500; i++) notes.set(`n${i}`, `note ${i}`);
    const firstMerge = log.rows('ws/northside');
    expect(firstMerge).toHaveLength(1);
    for (let i = 500; i < 1_000; i++) notes.set(`n${i}`, `note ${i}`);
    const rows = log.rows('ws/northside');
    expect(rows).toHaveLength(2);
    expect(Buffer.from(rows[0]!).equals(Buffer.from(firstMerge[0]!))).toBe(true);
    notes.set('after', 'written after the last merge');
    pc.restart();
    expect(pc.doc.getMap('notes').size).toBe(1_001);
    // Closing the room took a snapshot, so this start replayed nothing after it.
    expect(createUpdateLog(pc.store.sqlite).load('ws/northside')).toHaveLength(1);
  });

  it('starts a PC from a snapshot of the document, without what Yjs already let go, and keeps every row for the server', async () => {
    const pc = new Pc(tempDir(), 'ws/northside');
    const epochs = pc.doc.getMap<Y.Map<string>>('epochs');
    pc.doc.transact(() => epochs.set('old', new Y.Map<string>()));
    for (let i = 0; i < 400; i++) epochs.get('old')?.set(`e${i}`, `claim ${i} `.repeat(20));
    epochs.delete('old');
    for (let i = 0; i < 300; i++) pc.doc.getMap('notes').set(`n${i}`, `note ${i}`);
    const log = createUpdateLog(pc.store.sqlite);
    const [snapshot, ...after] = log.load('ws/northside');
    const rowBytes = log.rows('ws/northside').reduce((sum, row) => sum + row.byteLength, 0);
    expect(snapshot!.byteLength).toBeLessThan(rowBytes / 5);
    expect(after.length).toBeLessThan(300);
    pc.restart();
    expect(pc.doc.getMap('notes').size).toBe(300);
    expect(pc.doc.getMap('epochs').size).toBe(0);
    const server = new Y.Doc();
    for (const row of createUpdateLog(pc.store.sqlite).rows('ws/northside')) Y.applyUpdate(server, row);
    expect(server.getMap('notes').toJSON()).toEqual(pc.doc.getMap('notes').toJSON());
  });
});
