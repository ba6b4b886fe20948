import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Room as RoomKind } from '../../src-shared/sync/rooms';
import { awarenessMessage, syncStep1Message, syncStep2Message, updateMessage } from '../protocol/messages';
import type { DocumentStore } from '../store/document-store';
import { ClaimStamper } from './claim-stamper';
import { SERVER_WRITE, STORED_LOAD } from './origins';

/** One client connection as a room sees it. */
export interface Peer {
  readonly memberId: string;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomSettings {
  store: DocumentStore;
  /** Merge a room's log once it holds more than `maxUpdates` rows, or `maxBytes` were appended since the last merge. */
  compaction: { maxUpdates: number; maxBytes: number };
  idleUnloadMs: number;
  log: (line: string) => void;
  /** Called after a client's update is stored and broadcast (the SMS sender watches outbox rooms this way). */
  onClientUpdate?: (roomName: string) => void;
  /**
   * Called once per room instance with its document, before anything is loaded, so observers can
   * tell a client's change (the origin is its Peer) from the server's own (see origins).
   */
  onDocument?: (roomName: string, kind: RoomKind['kind'], doc: Y.Doc) => void;
}

export interface RoomLifecycle {
  /** The last peer left and stayed away for `idleUnloadMs`. */
  onIdle(room: Room): void;
  /** The store failed: the room must be closed and never used again. */
  onBroken(room: Room): void;
}

export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_SERVER_ERROR = 1011;

/**
 * One document in memory and the peers editing it. Everything that reads or writes the document runs
 * through one queue, so an update is applied, stored and only then broadcast before the next message
 * is looked at, and a sync answer never shows a peer something that is not yet stored.
 */
export class Room {
  private readonly doc = new Y.Doc();
  private readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Each peer with the awareness client ids it speaks for, so they can be cleared when it leaves. */
  private readonly peers = new Map<Peer, Set<number>>();
  private readonly stamper: ClaimStamper | null;
  private queue: Promise<unknown>;
  private unsaved: { update: Uint8Array; fromServer: boolean }[] = [];
  private logRows = 0;
  private bytesSinceCompaction = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private state: 'open' | 'broken' | 'closing' = 'open';

  constructor(
    readonly name: string,
    kind: RoomKind['kind'],
    private readonly settings: RoomSettings,
    private readonly lifecycle: RoomLifecycle,
    /** The same room's previous instance, still writing its last updates. */
    previous: Promise<void>,
  ) {
    this.awareness.setLocalState(null);
    this.stamper = kind === 'claims' ? new ClaimStamper(this.doc) : null;
    settings.onDocument?.(name, kind, this.doc);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== STORED_LOAD) this.unsaved.push({ update, fromServer: origin === SERVER_WRITE });
    });
    this.awareness.on('update', this.relayAwareness);
    this.queue = previous.then(() => this.load()).catch((error: unknown) => this.breakDown('could not be loaded', error));
  }

  get peerCount(): number {
    return this.peers.size;
  }

  join(peer: Peer): Promise<void> {
    this.clearIdleTimer();
    this.peers.set(peer, new Set());
    return this.run(() => {
      peer.send(syncStep1Message(this.doc));
      const clients = [...this.awareness.getStates().keys()];
      if (clients.length > 0) peer.send(awarenessMessage(this.awareness, clients));
    });
  }

  leave(peer: Peer): void {
    const clients = this.peers.get(peer);
    if (!clients) return;
    this.peers.delete(peer);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null);
    if (this.peers.size === 0 && this.state === 'open') {
      this.idleTimer = setTimeout(() => this.lifecycle.onIdle(this), this.settings.idleUnloadMs);
      this.idleTimer.unref();
    }
  }

  answerSyncStep1(peer: Peer, stateVector: Uint8Array): Promise<void> {
    return this.run(() => peer.send(syncStep2Message(this.doc, stateVector)));
  }

  /** Rejects when the update was malformed (after storing whatever part of it the document took in). */
  receiveUpdate(peer: Peer, update: Uint8Array): Promise<void> {
    return this.run(async () => {
      let malformed: unknown = null;
      try {
        Y.applyUpdate(this.doc, update, peer);
      } catch (error) {
        malformed = error;
      }
      const settled = this.stamper?.settle();
      if (settled?.undone) this.settings.log(`room ${this.name}: undid ${settled.undone} claim stamp write(s) by member ${peer.memberId}`);
      await this.persistAndBroadcast(peer);
      this.settings.onClientUpdate?.(this.name);
      if (malformed) throw malformed;
    });
  }

  /**
   * A change the server itself makes (a Twilio webhook, the SMS sender): applied in a server
   * transaction, stored and broadcast like a client's update before the promise resolves. A room
   * nobody is connected to is unloaded once it has gone the idle delay without peers or writes.
   */
  write<T>(change: (doc: Y.Doc) => T): Promise<T> {
    return this.run(async () => {
      const result = this.doc.transact(() => change(this.doc), SERVER_WRITE);
      this.stamper?.settle();
      await this.persistAndBroadcast(null);
      if (this.peers.size === 0 && this.state === 'open') {
        this.clearIdleTimer();
        this.idleTimer = setTimeout(() => this.lifecycle.onIdle(this), this.settings.idleUnloadMs);
        this.idleTimer.unref();
      }
      return result;
    });
  }

  receiveAwareness(peer: Peer, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
  }

  /** Closes every peer with `code`, lets queued work finish, then frees the document. */
  close(code: number, reason: string): Promise<void> {
    if (this.state === 'open') this.state = 'closing';
    this.clearIdleTimer();
    for (const peer of [...this.peers.keys()]) peer.close(code, reason);
    return this.queue.then(() => {
      this.awareness.destroy();
      this.doc.destroy();
    });
  }

  private run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.queue.then(() => {
      if (this.state === 'broken') throw new Error(`room ${this.name} is unavailable`);
      return task();
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async load(): Promise<void> {
    const updates = await this.settings.store.load(this.name);
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update);
    }, STORED_LOAD);
    this.logRows = updates.length;
    // After a compaction the first row is the merged state; everything after it is growth.
    this.bytesSinceCompaction = updates.slice(1).reduce((sum, update) => sum + update.byteLength, 0);
    this.stamper?.resume();
    await this.persistAndBroadcast(null);
  }

  /**
   * Stores what the document took in since the last call as one row, then sends it on: all of it to
   * the other peers, and to the peer it came from only what the server added (stamps, undone forgeries).
   */
  private async persistAndBroadcast(origin: Peer | null): Promise<void> {
    const batch = this.unsaved;
    this.unsaved = [];
    if (batch.length === 0) return;
    const merged = Y.mergeUpdates(batch.map((entry) => entry.update));
    try {
      await this.settings.store.append(this.name, merged);
    } catch (error) {
      this.breakDown('could not store an update', error);
      throw error;
    }
    this.logRows++;
    this.bytesSinceCompaction += merged.byteLength;
    const serverPart = batch.filter((entry) => entry.fromServer).map((entry) => entry.update);
    const toOthers = updateMessage(merged);
    const toOrigin = serverPart.length > 0 ? updateMessage(Y.mergeUpdates(serverPart)) : null;
    for (const peer of this.peers.keys()) {
      if (peer !== origin) peer.send(toOthers);
      else if (toOrigin) peer.send(toOrigin);
    }
    await this.compactIfDue();
  }

  /** The document in memory holds exactly the stored log, so its state is the log merged (and garbage-collected). */
  private async compactIfDue(): Promise<void> {
    const { maxUpdates, maxBytes } = this.settings.compaction;
    if (this.logRows <= maxUpdates && this.bytesSinceCompaction <= maxBytes) return;
    try {
      await this.settings.store.replace(this.name, Y.encodeStateAsUpdate(this.doc));
      this.logRows = 1;
      this.bytesSinceCompaction = 0;
    } catch (error) {
      // The log is untouched when a replace fails, so nothing is lost; the next update tries again.
      this.settings.log(`room ${this.name}: compaction failed: ${describe(error)}`);
    }
  }

  /**
   * The document in memory may now hold changes the store does not, so it is dropped: peers reconnect
   * to a fresh load and resend what they have.
   */
  private breakDown(what: string, error: unknown): void {
    if (this.state === 'broken') return;
    this.state = 'broken';
    this.settings.log(`room ${this.name} ${what}: ${describe(error)}`);
    this.clearIdleTimer();
    this.lifecycle.onBroken(this);
  }

  private readonly relayAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const controlled = this.peers.get(origin as Peer);
    if (controlled) {
      for (const client of added) controlled.add(client);
      for (const client of removed) controlled.delete(client);
    }
    const message = awarenessMessage(this.awareness, [...added, ...updated, ...removed]);
    for (const peer of this.peers.keys()) peer.send(message);
  };

  private clearIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
