/**
 * Server memory across room open/close cycles: a PC connects to a room the server has never loaded
 * (a new month of the workspace's timeline), writes an entry, disconnects, and the server unloads the
 * idle room. The server runs in its own process, so the RSS read is its own, after a full GC.
 */
import * as Y from 'yjs';
import { connectRoom } from '../../../src-main/core/sync/sync-connection';
import { roomName } from '../../../src-shared/sync/rooms';
import { putEntry } from '../../../src-shared/sync/timeline-doc';
import { waitFor } from '../../integration/sync-server/harness';
import type { MemoryReading, ServerProcess } from './server-process';

export interface RoomCyclesResult {
  cycles: number;
  /** Before the first room was ever opened. */
  start: MemoryReading;
  /** After the warm-up cycles: the code paths are loaded and compiled. */
  warm: MemoryReading;
  /** [cycles done, reading] along the way, the last one after every cycle. */
  trend: [number, MemoryReading][];
  seconds: number;
}

export async function measureRoomCycles(server: ServerProcess, options: { cycles: number; warmup: number; every: number }): Promise<RoomCyclesResult> {
  const workspaceId = 'bench-rooms';
  const [member] = await server.workspace(workspaceId);
  if (!member) throw new Error('the workspace has no owner');
  const start = await server.memory();
  for (let i = 0; i < options.warmup; i++) await cycle(server, member.token, workspaceId, i);
  const warm = await server.memory();
  const trend: [number, MemoryReading][] = [];
  const began = performance.now();
  for (let i = 0; i < options.cycles; i++) {
    await cycle(server, member.token, workspaceId, options.warmup + i);
    if ((i + 1) % options.every === 0 || i + 1 === options.cycles) trend.push([i + 1, await server.memory()]);
  }
  return { cycles: options.cycles, start, warm, trend, seconds: (performance.now() - began) / 1000 };
}

/** Opens month number `n` (counted from 1900-01), writes one entry, leaves, and waits for the unload. */
async function cycle(server: ServerProcess, token: string, workspaceId: string, n: number): Promise<void> {
  const month = `${1900 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  const room = roomName({ kind: 'timeline', workspaceId, month });
  const doc = new Y.Doc();
  const connection = connectRoom({ serverUrl: server.wsUrl, token, room, doc });
  await waitFor(() => connection.status().state === 'synced', `${room} to sync`);
  putEntry(doc, {
    id: `note:${room}`,
    conversationId: 'cv_bench',
    contactId: 'ct_bench',
    kind: 'note',
    channel: 'internal',
    direction: null,
    authorMemberId: null,
    subject: null,
    body: `A note written while measuring room ${n}: the boiler at the back needs a new pressure valve before Friday.`,
    occurredAt: Date.UTC(1900 + Math.floor(n / 12), n % 12, 15),
    deliveryStatus: null,
    attachments: [],
    call: null,
  });
  connection.close();
  doc.destroy();
  await waitFor(async () => (await server.healthz()).rooms === 0, `${room} to be unloaded`);
}

