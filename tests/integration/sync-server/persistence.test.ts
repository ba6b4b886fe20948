import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSyncServer } from '../../../sync-server/server';
import { SERVER_DB_FILE } from '../../../sync-server/store/server-db';
import { DOCUMENTS_FILE } from '../../../sync-server/store/sqlite-document-store';
import { connectClient, TestServer, waitFor, type Client, type Member } from './harness';

const ROOM = 'ws/acme/outbox';

describe('sync-server: persistence', () => {
  let server: TestServer;
  let owner: Member;
  const clients: Client[] = [];
  const client = (token: string, options?: Parameters<typeof connectClient>[3]) => {
    const c = connectClient(server, ROOM, token, options);
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    server = await TestServer.start({ compaction: { maxUpdates: 20, maxBytes: 1024 * 1024 } });
    owner = await server.workspace('acme');
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
  });

  it('loses nothing across a restart, including edits made while the server was down', async () => {
    const desk = client(owner.token);
    await desk.synced();
    desk.doc.getArray<string>('items').push(['sms:SM1', 'sms:SM2']);
    await waitFor(() => server.storedDoc(ROOM).getArray('items').length === 2, 'the edits to be stored');

    await server.server.close();
    desk.doc.getArray<string>('items').push(['sms:SM3']);
    await server.restart();
    await waitFor(() => server.storedDoc(ROOM).getArray('items').length === 3, 'the offline edit to reach the new server');

    const other = client(owner.token);
    await other.synced();
    expect(other.doc.getArray('items').toJSON()).toEqual(['sms:SM1', 'sms:SM2', 'sms:SM3']);
  });

  it('merges the log once it passes the threshold, leaving the document unchanged', async () => {
    const desk = client(owner.token);
    await desk.synced();
    const items = desk.doc.getMap<number>('items');
    for (let i = 0; i < 15; i++) items.set(`item${i}`, i);
    await waitFor(() => server.storedRows(ROOM).length === 15, '15 rows, one per update');

    for (let i = 15; i < 30; i++) items.set(`item${i}`, i);
    items.delete('item0');
    await waitFor(() => server.storedDoc(ROOM).getMap('items').size === 29, 'every update to be stored');
    const rows = server.storedRows(ROOM).length;
    expect(rows).toBeLessThan(15);

    const expected = items.toJSON();
    expect(server.storedDoc(ROOM).getMap('items').toJSON()).toEqual(expected);
    await server.restart();
    const fresh = client(owner.token);
    await fresh.synced();
    expect(fresh.doc.getMap('items').toJSON()).toEqual(expected);
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(desk.doc));
  });

  it.each([SERVER_DB_FILE, DOCUMENTS_FILE])('refuses to start on a %s written by a newer version, changing nothing', async (fileName) => {
    await server.server.close();
    const file = path.join(server.dataDir, fileName);
    const setVersion = (version: number) => {
      const raw = new Database(file);
      raw.pragma(`user_version = ${version}`);
      raw.close();
    };
    const readVersion = new Database(file, { readonly: true });
    const current = readVersion.pragma('user_version', { simple: true }) as number;
    readVersion.close();
    setVersion(99);
    await expect(startSyncServer({ dataDir: server.dataDir, port: 0, log: () => {} })).rejects.toThrow(
      /newer version of switchboard-sync \(schema 99; this version knows up to \d+\)\. Update switchboard-sync/,
    );
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(99);
    after.close();
    setVersion(current);
    await server.restart();
    expect((await server.healthz()).ok).toBe(true);
  });
});
