/**
 * Child-process entry for the sync benchmark: the real sync-server on loopback, in a process of its
 * own so that its RSS is only the server's. Started by server-process.ts with `--expose-gc`; answers
 * over the IPC channel with its port and, when asked, its memory after a full garbage collection.
 */
import { startSyncServer } from '../../../sync-server/server';
import type { ChildReply, ChildRequest } from './server-process';

const dataDir = process.env.BENCH_SYNC_DATA;
if (!dataDir || !process.send) throw new Error('server-main.ts is started by server-process.ts, with BENCH_SYNC_DATA and an IPC channel.');
const send = (reply: ChildReply) => process.send?.(reply);

const server = await startSyncServer({
  dataDir,
  port: 0,
  idleUnloadMs: Number(process.env.BENCH_SYNC_IDLE_UNLOAD_MS ?? '30000'),
  log: () => {},
});

process.on('message', async (request: ChildRequest) => {
  if (request.type === 'memory') {
    const gc = (globalThis as { gc?: () => void }).gc;
    // Several passes: one full GC can leave garbage that only became unreachable during it.
    for (let i = 0; gc && i < 3; i++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    send({ type: 'memory', id: request.id, gcExposed: gc !== undefined, rss, heapUsed, external, arrayBuffers });
  } else if (request.type === 'close') {
    await server.close();
    send({ type: 'closed' });
    process.disconnect();
  }
});
send({ type: 'listening', port: server.port });
