import type Database from 'better-sqlite3';
import type * as Y from 'yjs';
import { parseRoomName, roomName, type Room } from '../../../src-shared/sync/rooms';
import { monthsOf } from '../../../src-shared/sync/workspace-doc';
import { openRoomReplica, type RoomReplica } from './room-replica';
import { connectRoom, type SyncStatus } from './sync-connection';
import { createUpdateLog } from './update-log';

export interface ServerLink {
  serverUrl: string;
  token: string;
}

export type RoomListener = (room: Room, doc: Y.Doc) => void;

/**
 * The shared documents of one workspace on this PC, each opened once: the workspace document, its
 * claims, the outbox, and the month documents the workspace lists. With a server link every room is kept in
 * step with the sync-server; without one (one PC, no team) they live on the local log alone.
 * Month documents open newest first, so a PC joining a workspace fills the last weeks first.
 */
export function openSharedDocs(sqlite: Database.Database, workspaceId: string, link: ServerLink | null) {
  const log = createUpdateLog(sqlite);
  const replicas = new Map<string, RoomReplica>();
  const connections = new Map<string, ReturnType<typeof connectRoom>>();
  const statuses = new Map<string, SyncStatus>();
  const roomListeners = new Set<RoomListener>();
  const statusListeners = new Set<(status: SyncStatus | null) => void>();
  const atomically = (apply: () => void) => sqlite.transaction(apply)();

  function open(room: Room, onSettled?: () => void): Y.Doc {
    const name = roomName(room);
    const existing = replicas.get(name);
    if (existing) return existing.doc;
    const replica = openRoomReplica(log, name);
    replicas.set(name, replica);
    for (const listener of roomListeners) listener(room, replica.doc);
    if (link) connect(name, replica.doc, onSettled);
    // Alone, the next month waits for the event loop: a PC with years of months stays responsive while they open.
    else if (onSettled) setImmediate(onSettled);
    return replica.doc;
  }

  /** `onSettled`: called once, when the room first synced or could not (offline, refused). */
  function connect(name: string, doc: Y.Doc, onSettled?: () => void): void {
    let settled = false;
    const onStatus = (status: SyncStatus) => {
      if (!settled && status.state !== 'connecting') {
        settled = true;
        onSettled?.();
      }
      statuses.set(name, status);
      const overall = summarize([...statuses.values()]);
      for (const listener of statusListeners) listener(overall);
    };
    const missingPieces = (stateVector: Uint8Array) => log.missingPieces(name, stateVector);
    connections.set(name, connectRoom({ serverUrl: link!.serverUrl, token: link!.token, room: name, doc, onStatus, atomically, missingPieces }));
  }

  const workspace = open({ kind: 'workspace', workspaceId });
  const claims = open({ kind: 'claims', workspaceId });
  const months = monthsOf(workspace);
  // Listed months are filled one at a time, newest first, so a PC joining a workspace with years of
  // history has this month's conversations while older ones are still coming.
  let filling = false;
  let closed = false;
  const fillNext = () => {
    if (closed) return;
    const next = [...months.keys()].sort().reverse().find((month) => !replicas.has(roomName({ kind: 'timeline', workspaceId, month })));
    filling = next !== undefined;
    if (next) open({ kind: 'timeline', workspaceId, month: next }, fillNext);
  };
  const openListedMonths = () => {
    if (!filling) fillNext();
  };

  return {
    workspaceId,
    workspace,
    claims,
    month: (month: string) => open({ kind: 'timeline', workspaceId, month }),
    outbox: () => open({ kind: 'outbox', workspaceId }),
    /** Calls `listener` for every room already open and every room opened later. */
    onRoom(listener: RoomListener): () => void {
      roomListeners.add(listener);
      for (const replica of replicas.values()) {
        const room = parseRoomName(replica.room);
        if (room) listener(room, replica.doc);
      }
      return () => roomListeners.delete(listener);
    },
    /** Starts opening the months the workspace lists, now and as new ones appear. */
    followMonths(): void {
      openListedMonths();
      months.observe(openListedMonths);
    },
    /** Null when there is no server to be in step with. */
    status: (): SyncStatus | null => (link ? summarize([...statuses.values()]) : null),
    onStatus(listener: (status: SyncStatus | null) => void): () => void {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close(): void {
      closed = true;
      months.unobserve(openListedMonths);
      for (const connection of connections.values()) connection.close();
      for (const replica of replicas.values()) replica.destroy();
      replicas.clear();
    },
  };
}

export type SharedDocs = ReturnType<typeof openSharedDocs>;

/**
 * One status for the whole PC: refused if any room was refused (nothing will fix itself), offline
 * since the earliest room went offline, connecting until every room has synced once.
 */
function summarize(statuses: SyncStatus[]): SyncStatus {
  const refused = statuses.find((s) => s.state === 'refused');
  if (refused) return refused;
  const offline = statuses.filter((s): s is Extract<SyncStatus, { state: 'offline' }> => s.state === 'offline');
  if (offline.length > 0) {
    return { state: 'offline', since: Math.min(...offline.map((s) => s.since)), retryInMs: Math.max(...offline.map((s) => s.retryInMs)) };
  }
  return statuses.every((s) => s.state === 'synced') && statuses.length > 0 ? { state: 'synced' } : { state: 'connecting' };
}
