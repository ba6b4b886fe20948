import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { isActiveMember } from './auth/members';
import { serveApiRequest } from './http/node-adapter';
import { serveWebRequest } from './http/web-adapter';
import type { ApiContext } from './http/routes';
import { requestPath } from './http/request-path';
import { authorizeUpgrade, rejectUpgrade } from './http/upgrade';
import { attachConnection } from './protocol/connection';
import { MemberConnections } from './protocol/member-connections';
import { parsePublicUrl, PUBLIC_URL_SETTING } from './public-url';
import { roomName } from '../src-shared/sync/rooms';
import { RoomRegistry } from './rooms/room-registry';
import type { DocumentStore } from './store/document-store';
import { openServerDb, readSetting, writeSetting, type ServerDb } from './store/server-db';
import type { TwilioApiAccess } from './twilio/twilio-api';
import { createTwilioService } from './twilio/twilio-service';
import type { WriteRoom } from './twilio/document-writer';
import { publishMembers } from './members/publish-members';
import { openSqliteDocumentStore } from './store/sqlite-document-store';

export interface SyncServerOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  publicUrl?: string;
  maxUpdateBytes?: number;
  idleUnloadMs?: number;
  compaction?: { maxUpdates?: number; maxBytes?: number };
  /** How often to look for members removed by another process (the CLI); removals over HTTP act at once. */
  revocationCheckMs?: number;
  /** Defaults to SQLite in the data folder. One passed in stays open on close: its owner closes it. */
  documentStore?: DocumentStore;
  log?: (line: string) => void;
  /** Where the Twilio client and media fetches go; tests point them at the emulator. */
  twilioApi?: TwilioApiAccess;
}

export interface SyncServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  maxUpdateBytes: 1024 * 1024,
  idleUnloadMs: 30_000,
  compaction: { maxUpdates: 500, maxBytes: 1024 * 1024 },
  revocationCheckMs: 5_000,
} as const;

const SHUTDOWN_GRACE_MS = 1_000;

export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const publicUrl = options.publicUrl === undefined ? undefined : parsePublicUrl(options.publicUrl);
  const db = openServerDb(options.dataDir);
  let store: DocumentStore | undefined;
  try {
    if (publicUrl !== undefined) writeSetting(db, PUBLIC_URL_SETTING, publicUrl);
    store = options.documentStore ?? openSqliteDocumentStore(options.dataDir);
    return await listen(options, db, store);
  } catch (error) {
    if (store && !options.documentStore) store.close();
    db.close();
    throw error;
  }
}

async function listen(options: SyncServerOptions, db: ServerDb, store: DocumentStore): Promise<SyncServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const maxUpdateBytes = options.maxUpdateBytes ?? DEFAULTS.maxUpdateBytes;
  const rooms = new RoomRegistry({
    store,
    compaction: { ...DEFAULTS.compaction, ...options.compaction },
    idleUnloadMs: options.idleUnloadMs ?? DEFAULTS.idleUnloadMs,
    log,
    onClientUpdate: (name) => twilio.onClientUpdate(name),
    onDocument: (name, _kind, doc) => twilio.onDocument(name, doc),
  });
  const writeRoom: WriteRoom = (room, change) => rooms.open(roomName(room), room.kind).write(change);
  const twilio = createTwilioService({
    db,
    dataDir: options.dataDir,
    writeRoom,
    api: options.twilioApi ?? {},
    publicUrl: () => readSetting(db, PUBLIC_URL_SETTING),
    log,
  });
  const connections = new MemberConnections();
  const api: ApiContext = {
    db,
    stats: () => ({ rooms: rooms.loadedCount, connections: connections.count }),
    onMemberRemoved: (memberId) => connections.revoke(memberId),
    onMembersChanged: (workspaceId) => {
      writeRoom({ kind: 'workspace', workspaceId }, (doc) => publishMembers(db, workspaceId, doc)).catch((error: unknown) =>
        log(`the member list of ${workspaceId} could not be written: ${(error as Error).message}`),
      );
    },
  };
  // Frames well past the update limit are cut by ws itself; those near it reach us and get a clear reason.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxUpdateBytes * 4 + 64 * 1024 });
  let stopping = false;

  const http = createServer((req, res) => {
    const webRoute = twilio.route(requestPath(req.url));
    if (webRoute) void serveWebRequest(webRoute, req, res, log);
    else void serveApiRequest(api, req, res, log);
  });
  http.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (stopping) return rejectUpgrade(socket, 503, 'The server is shutting down.');
    const decision = authorizeUpgrade(db, {
      path: requestPath(req.url),
      authorization: req.headers.authorization,
    });
    if (!decision.ok) return rejectUpgrade(socket, decision.status, decision.message);
    sockets.handleUpgrade(req, socket, head, (ws) => {
      const room = rooms.open(decision.roomName, decision.room.kind);
      const peer = attachConnection(ws, decision.member, room, { maxUpdateBytes, log, onClose: (p) => connections.delete(p) });
      connections.add(peer);
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host ?? DEFAULTS.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const sweep = setInterval(() => {
    for (const memberId of connections.memberIds()) {
      if (!isActiveMember(db, memberId)) connections.revoke(memberId);
    }
  }, options.revocationCheckMs ?? DEFAULTS.revocationCheckMs);
  sweep.unref();
  await twilio.start();

  const { port, address, family } = http.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${address}]` : address;

  return {
    port,
    url: `http://${host}:${port}`,
    async close() {
      if (stopping) return;
      stopping = true;
      clearInterval(sweep);
      await twilio.stop();
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
      // Rooms close their sockets (1001) and finish storing what they received before the files close.
      await rooms.closeAll();
      await waitUntil(() => sockets.clients.size === 0, SHUTDOWN_GRACE_MS);
      for (const socket of sockets.clients) socket.terminate();
      sockets.close();
      http.closeAllConnections();
      await stopped;
      if (!options.documentStore) store.close();
      db.close();
    },
  };
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}
