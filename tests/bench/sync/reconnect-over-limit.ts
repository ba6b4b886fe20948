/**
 * Reproduction (not a benchmark) of PCs catching up with more than the server's update limit (1 MiB),
 * with the app's own wiring (store, update log, openSharedDocs, connectRoom) and the real sync-server.
 * Run with `npx tsx tests/bench/sync/reconnect-over-limit.ts`. It prints what each side did; it
 * reports, it does not judge.
 *  A. a laptop writes 3,000 notes offline (one transaction each, as the app writes a note), restarts
 *     and reconnects;
 *  B. the server is restored from a backup taken before a month was written; the laptop that
 *     received that month in one sync message reconnects, then the desk PC that wrote it.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { openStore, type Store } from '../../../src-main/core/store/open-store';
import { openSharedDocs, type ServerLink } from '../../../src-main/core/sync/shared-docs';
import { connectRoom, type SyncStatus } from '../../../src-main/core/sync/sync-connection';
import { roomName } from '../../../src-shared/sync/rooms';
import { entriesOf, putEntry, type TimelineRecord } from '../../../src-shared/sync/timeline-doc';
import { TestServer, waitFor, type Member } from '../../integration/sync-server/harness';

const OBSERVE_MS = Number(process.env.OBSERVE_MS ?? '5000');
const NOTES = 3_000;
const WORKSPACE = 'acme';
const MONTH = '2026-11';
const ROOM = roomName({ kind: 'timeline', workspaceId: WORKSPACE, month: MONTH });
const log = (line = '') => process.stdout.write(`${line}\n`);

interface Pc {
  name: string;
  store: Store;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-over-limit-'));
  try {
    await offlineLaptop(dir);
    log();
    await restoredServer(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function offlineLaptop(dir: string): Promise<void> {
  log('A. A laptop writes 3,000 notes offline, restarts, and reconnects');
  const serverLog: string[] = [];
  const server = await TestServer.start({ dataDir: path.join(dir, 'server-a'), log: (line) => serverLog.push(line) });
  try {
    const owner = await server.workspace(WORKSPACE);
    const laptop: Pc = { name: 'laptop', store: openStore(path.join(dir, 'laptop-a.db')) };
    await session(laptop, linkOf(server, owner), (month) => putEntry(month, note(0, 'Written online.')), { done: () => storedNotes(server) === 1 });
    await session(laptop, null, (month) => {
      for (let i = 1; i <= NOTES; i++) putEntry(month, note(i, `Offline note ${i}: ${'the customer asked about the quote again. '.repeat(8)}`));
    });
    log(`  what the server lacks: ${mib(lackingBytes(laptop, server))} in the laptop's log of ${rowCount(laptop)} rows (largest ${mib(largestRow(laptop))})`);
    const statuses = await session(laptop, linkOf(server, owner), () => {}, { observeMs: OBSERVE_MS });
    report(server, serverLog, statuses, [laptop]);
    laptop.store.close();
  } finally {
    await server.stop();
  }
}

async function restoredServer(dir: string): Promise<void> {
  log('B. The server is restored from a backup taken before the month was written');
  const serverLog: string[] = [];
  const dataDir = path.join(dir, 'server-b');
  const backup = path.join(dir, 'server-b-backup');
  const options = { dataDir, log: (line: string) => serverLog.push(line) };
  let server = await TestServer.start(options);
  const port = server.server.port;
  const owner = await server.workspace(WORKSPACE);
  await server.server.close();
  cpSync(dataDir, backup, { recursive: true });
  server = await TestServer.start({ ...options, port });
  const desk: Pc = { name: 'desk', store: openStore(path.join(dir, 'desk-b.db')) };
  const laptop: Pc = { name: 'laptop', store: openStore(path.join(dir, 'laptop-b.db')) };
  try {
    await session(desk, linkOf(server, owner), (month) => {
      for (let i = 1; i <= NOTES; i++) putEntry(month, note(i, `Note ${i}: ${'the customer asked about the quote again. '.repeat(8)}`));
    }, { done: () => storedNotes(server) === NOTES });
    await session(laptop, linkOf(server, owner), () => {}, { done: () => entriesOf(storedMonth(laptop)).size === NOTES });
    log(`  the laptop joined and received the month: ${entriesOf(storedMonth(laptop)).size} notes, in a log of ${rowCount(laptop)} rows (largest ${mib(largestRow(laptop))})`);
    log(`  the desk PC wrote them: a log of ${rowCount(desk)} rows (largest ${mib(largestRow(desk))})`);
    await server.server.close();
    server = await TestServer.start({ ...options, dataDir: backup, port });
    serverLog.length = 0;
    log('  server restored from the backup (it holds the workspace and members, no notes)');
    const laptopStatuses = await session(laptop, linkOf(server, owner), () => {}, { observeMs: OBSERVE_MS });
    log(`  after the laptop reconnected (${OBSERVE_MS / 1000} s), the server holds ${storedNotes(server)} notes`);
    const deskStatuses = await session(desk, linkOf(server, owner), () => {}, { observeMs: OBSERVE_MS });
    log(`  after the desk PC reconnected (${OBSERVE_MS / 1000} s), the server holds ${storedNotes(server)} notes`);
    report(server, serverLog, [...laptopStatuses.map((s) => `laptop: ${s}`), ...deskStatuses.map((s) => `desk: ${s}`)], [laptop, desk]);
  } finally {
    desk.store.close();
    laptop.store.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * One run of the app's shared documents on a PC: opens the month (connected when `link` is given),
 * writes, waits until `done` holds (if given) and at least `observeMs` passed, and closes, as a PC
 * that starts and quits. Returns the status changes of that run.
 */
async function session(pc: Pc, link: ServerLink | null, write: (month: Y.Doc) => void, options: { observeMs?: number; done?: () => boolean } = {}): Promise<string[]> {
  const started = performance.now();
  const statuses: string[] = [];
  const docs = openSharedDocs(pc.store.sqlite, WORKSPACE, link);
  docs.onStatus((status) => {
    if (status) statuses.push(`+${String(Math.round(performance.now() - started)).padStart(5)} ms ${describe(status)}`);
  });
  docs.followMonths();
  const month = docs.month(MONTH);
  write(month);
  if (options.done) await waitFor(options.done, `${pc.name} to finish`, 30_000);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, (options.observeMs ?? 0) - (performance.now() - started))));
  docs.close();
  return statuses;
}

function report(server: TestServer, serverLog: string[], statuses: string[], pcs: Pc[]): void {
  log('  status changes after reconnecting:');
  for (const line of statuses) log(`    ${line}`);
  log(`  server log: ${serverLog.length === 0 ? '(nothing)' : ''}`);
  for (const line of serverLog) log(`    ${line}`);
  log(`  notes stored by the server: ${storedNotes(server)}; on the PCs: ${pcs.map((pc) => `${pc.name} ${entriesOf(storedMonth(pc)).size}`).join(', ')}`);
}

function storedNotes(server: TestServer): number {
  return entriesOf(server.storedDoc(ROOM)).size;
}

function linkOf(server: TestServer, member: Member): ServerLink {
  return { serverUrl: server.url.replace(/^http/, 'ws'), token: member.token };
}

function rows(pc: Pc): Buffer[] {
  return pc.store.sqlite.prepare('SELECT "update" FROM doc_updates WHERE room = ? ORDER BY seq').pluck().all(ROOM) as Buffer[];
}

function rowCount(pc: Pc): number {
  return rows(pc).length;
}

function largestRow(pc: Pc): number {
  return Math.max(0, ...rows(pc).map((row) => row.byteLength));
}

function storedMonth(pc: Pc): Y.Doc {
  const doc = new Y.Doc();
  for (const row of rows(pc)) Y.applyUpdate(doc, row);
  return doc;
}

function lackingBytes(pc: Pc, server: TestServer): number {
  return Y.encodeStateAsUpdate(storedMonth(pc), Y.encodeStateVector(server.storedDoc(ROOM))).byteLength;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
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

function describe(status: SyncStatus): string {
  if (status.state === 'offline') return `offline (retry in ${status.retryInMs} ms)`;
  if (status.state === 'refused') return `refused: ${status.reason}`;
  return status.state;
}

await main();
