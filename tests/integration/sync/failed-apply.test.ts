import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { connectRoom, type SyncStatus } from '../../../src-main/core/sync/sync-connection';
import { connectClient, TestServer, waitFor } from '../sync-server/harness';

let server: TestServer;
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await server?.stop();
  vi.restoreAllMocks();
});

describe('a server message this PC cannot store', () => {
  it('drops the connection and reconnects instead of taking the app down', async () => {
    server = await TestServer.start();
    const owner = await server.workspace('acme');
    const writer = connectClient(server, 'ws/acme', owner.token);
    cleanups.push(() => writer.destroy());
    await writer.synced();
    writer.doc.getMap('contacts').set('c1', 'Dana');

    vi.spyOn(console, 'error').mockImplementation(() => {});
    let failures = 1;
    const statuses: SyncStatus['state'][] = [];
    const doc = new Y.Doc();
    const connection = connectRoom({
      serverUrl: server.wsUrl.replace(/\/sync$/, ''),
      token: owner.token,
      room: 'ws/acme',
      doc,
      onStatus: (status) => statuses.push(status.state),
      atomically: (apply) => {
        if (failures-- > 0) throw new Error('disk full');
        apply();
      },
    });
    cleanups.push(() => connection.close());

    await waitFor(() => statuses.includes('offline') && statuses.at(-1) === 'synced', 'a reconnect after the failed message', 10_000);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('could not be stored'), expect.any(Error));
    await waitFor(() => doc.getMap('contacts').get('c1') === 'Dana', 'the document in step after reconnecting');
  });
});
