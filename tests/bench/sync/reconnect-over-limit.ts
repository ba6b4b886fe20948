/**
 * Reproduction (not a benchmark): a PC that wrote more than the server's update limit while offline
 * reconnects. Run with `npx tsx tests/bench/sync/reconnect-over-limit.ts`. Uses the real sync-server
 * (default 1 MiB limit) and the app's own parts (store, update log, room replica, connectRoom), then
 * prints what each side did: the PC's status changes, the server's log, what the server stored and
 * what a second PC sees. It reports; it does not judge.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { openStore } from '../../../src-main/core/store/open-store';
import { openRoomReplica } from '../../../src-main/core/sync/room-replica';
import { connectRoom, type SyncStatus } from '../../../src-main/core/sync/sync-connection';
import { createUpdateLog } from '../../../src-main/core/sync/update-log';
import { roomName } from '../../../src-shared/sync/rooms';
import { entriesOf, putEntry, type TimelineRecord } from '../../../src-shared/sync/timeline-doc';
import { TestServer, waitFor } from '../../integration/sync-server/harness';

const OBSERVE_MS = Number(process.env.OBSERVE_MS ?? '8000');
const OFFLINE_NOTES = 3_000;
const log = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const serverLog: string[] = [];
  const server = await TestServer.start({ log: (line) => serverLog.push(`${elapsed()} ${line}`) });
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-over-limit-'));
  const t0 = performance.now();
  const elapsed = () => `+${String(Math.round(performance.now() - t0)).padStart(5)} ms`;
  try {
    const owner = await server.workspace('acme');
    const room = roomName({ kind: 'timeline', workspaceId: 'acme', month: '2026-11' });
    const serverUrl = server.url.replace(/^http/, 'ws');

    const store = openStore(path.join(dir, 'laptop.db'));
    const replica = openRoomReplica(createUpdateLog(store.sqlite), room);
    const first = connectRoom({ serverUrl, token: owner.token, room, doc: replica.doc });
    await waitFor(() => first.status().state === 'synced', 'the laptop to sync once');
    putEntry(replica.doc, note(0, 'Written online, before the laptop went offline.'));
    await waitFor(() => entriesOf(server.storedDoc(room)).size === 1, 'the server to store the online note');
    first.close();

    for (let i = 1; i <= OFFLINE_NOTES; i++) putEntry(replica.doc, note(i, `Offline note ${i}: ${'the customer asked about the quote again. '.repeat(8)}`));
    const pendingBytes = Y.encodeStateAsUpdate(replica.doc, Y.encodeStateVector(server.storedDoc(room))).byteLength;
    log(`Laptop wrote ${OFFLINE_NOTES} notes offline: what the server lacks is one sync-step-2 update of ${(pendingBytes / 1024 / 1024).toFixed(2)} MiB (limit 1 MiB).`);

    const statuses: string[] = [];
    const onStatus = (status: SyncStatus) => statuses.push(`${elapsed()} ${describeStatus(status)}`);
    const again = connectRoom({ serverUrl, token: owner.token, room, doc: replica.doc, onStatus });
    await new Promise((resolve) => setTimeout(resolve, OBSERVE_MS / 2));
    putEntry(replica.doc, note(OFFLINE_NOTES + 1, 'A small note written after reconnecting.'));
    await new Promise((resolve) => setTimeout(resolve, OBSERVE_MS / 2));

    const desk = new Y.Doc();
    const deskConnection = connectRoom({ serverUrl, token: owner.token, room, doc: desk });
    await waitFor(() => deskConnection.status().state === 'synced', 'the desk PC to sync');
    const stored = server.storedDoc(room);

    log(`\nLaptop status changes over ${OBSERVE_MS / 1000} s after reconnecting:`);
    for (const line of statuses) log(`  ${line}`);
    log(`\nServer log:`);
    for (const line of serverLog) log(`  ${line}`);
    log(`\nNotes on the laptop: ${entriesOf(replica.doc).size}; stored by the server: ${entriesOf(stored).size}; seen by a second PC: ${entriesOf(desk).size}.`);
    log(`The small note written after reconnecting reached the server: ${entriesOf(stored).has(`note:${OFFLINE_NOTES + 1}`)}.`);
    log(`Laptop's last status: ${describeStatus(again.status())}.`);

    again.close();
    deskConnection.close();
    replica.destroy();
    store.close();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function note(i: number, body: string): TimelineRecord {
  return {
    id: `note:${i}`,
    conversationId: 'cv_1',
    contactId: 'ct_1',
    kind: 'note',
    channel: 'internal',
    direction: null,
    authorMemberId: null,
    subject: null,
    body,
    occurredAt: Date.UTC(2026, 10, 1) + i * 1000,
    deliveryStatus: null,
    attachments: [],
    call: null,
  };
}

function describeStatus(status: SyncStatus): string {
  if (status.state === 'offline') return `offline (retry in ${status.retryInMs} ms)`;
  if (status.state === 'refused') return `refused: ${status.reason}`;
  return status.state;
}

await main();
