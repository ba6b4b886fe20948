/**
 * The app's own documents after a long busy life: 100,000 changes over 10,000 conversations, spread
 * over a year, written through the app's functions into the documents DESIGN.md partitions them into.
 * Each conversation starts with its customer filed under a contact in the workspace document (as
 * the channel host does, with the app's ids), where read marks go too; claims go to the claims
 * document, where the real ClaimStamper stamps and folds every claim as sync-server does; internal notes (and their edits) and outbound messages with their
 * delivery statuses go to the month documents. All writers share one copy of each document, which is
 * what every replica converges to when the PCs are online.
 *
 * Loads timed: a fresh Y.Doc applying a document's encoded state (what a new PC receives, and what the
 * server keeps after compaction), opened as the app opens it (the claim log indexes the claims and
 * every conversation's owner is resolved); and
 * for the workspace and claims documents, the PC's start: openRoomReplica opening the update log the app wrote,
 * one row per transaction, compacted as the app compacts it, after a clean close (its snapshot
 * alone) and after a crash (the snapshot, then the rows written since).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { createClaimLog } from '../../../src-main/core/claims/claim-log';
import { openStore } from '../../../src-main/core/store/open-store';
import { openRoomReplica, type RoomReplica } from '../../../src-main/core/sync/room-replica';
import { createUpdateLog } from '../../../src-main/core/sync/update-log';
import { toChangeRecord } from '../../../src-main/core/sync/entry-change-records';
import { appendClaimEvent } from '../../../src-shared/sync/claim-doc';
import type { ClaimEvent, ClaimEventKind } from '../../../src-shared/sync/claims';
import { advanceStatus, changesOf, entriesOf, monthOf, putEntry, type TimelineRecord } from '../../../src-shared/sync/timeline-doc';
import { placeCustomer, raiseMark, readMarksOf } from '../../../src-shared/sync/workspace-doc';
import type { DeliveryStatus } from '../../../src-shared/domain/timeline';
import { ClaimStamper } from '../../../sync-server/rooms/claim-stamper';
import { mulberry32, type Rng } from '../generate-data';
import { Samples, timeMs } from '../measure';
import { MEMBER_IDS, NOTE_TEXTS } from './doc-workload';

const WORKSPACE_ROOM = 'ws/bench-app';
const CLAIMS_ROOM = 'ws/bench-app/claims';
const YEAR_MS = 365 * 24 * 3600 * 1000;
const START = Date.UTC(2025, 0, 1);
const MEMBERS = MEMBER_IDS;
/** Fixed client ids (Yjs picks random ones, and their size on the wire depends on their magnitude). */
const PC_CLIENT_IDS = [2_807_311_733, 1_093_553_201, 3_650_219_876, 724_105_559];
const SERVER_CLIENT_ID = 4_001_982_347;
const CLAIM_KINDS: ClaimEventKind[] = ['claim', 'claim', 'release', 'assign'];
const STATUS_STEPS: DeliveryStatus[] = ['queued', 'sent', 'delivered'];

export interface DocFigures {
  stateBytes: number;
  fromState: Samples;
}

/** A document the PC keeps a replica of: loaded from state, and opened from the PC's log as at start. */
export interface ReplicaFigures extends DocFigures {
  logRows: number;
  logBytes: number;
  /** A start after the app closed the room (which snapshots it). */
  replay: Samples;
  /** A start after a crash: the snapshot, then the rows written after it. */
  replayAfterCrash: Samples;
  rowsAfterSnapshot: number;
}

export interface AppDocsResult {
  changes: number;
  conversations: number;
  counts: Record<'contacts' | 'claims' | 'notes' | 'noteEdits' | 'statusChanges' | 'readMarks', number>;
  buildSeconds: number;
  workspace: ReplicaFigures;
  claims: ReplicaFigures & { liveClaimEvents: number; settledClaims: number };
  months: ({ month: string } & DocFigures)[];
}

/** The documents being written: the PC's replicas of the workspace and claims documents, and the month documents. */
class AppDocs {
  readonly months = new Map<string, Y.Doc>();
  private readonly stamper: ClaimStamper;
  private readonly notesByConversation = new Map<number, string[]>();
  private readonly inFlight = new Map<number, { id: string; month: string; step: number }>();
  private readonly conversationIds = new Map<number, string>();
  readonly counts: AppDocsResult['counts'] = { contacts: 0, claims: 0, notes: 0, noteEdits: 0, statusChanges: 0, readMarks: 0 };

  constructor(
    readonly workspace: Y.Doc,
    readonly claims: Y.Doc,
  ) {
    claims.clientID = SERVER_CLIENT_ID;
    this.stamper = new ClaimStamper(claims);
    this.stamper.resume();
  }

  /** One change, chosen as: 40% claims, 30% notes (a fifth of them edits), 20% delivery status changes, 10% read marks. */
  write(i: number, rng: Rng, conversations: number, at: number): void {
    const author = Math.floor(rng() * MEMBERS.length);
    const actorId = MEMBERS[author] as string;
    const r = rng();
    const conversation = Math.floor(r * r * conversations);
    const conversationId = this.conversationIdOf(conversation, at);
    const pick = rng();
    if (pick < 0.4) this.claim(i, author, actorId, conversationId, rng, at);
    else if (pick < 0.7) this.note(i, author, actorId, conversation, conversationId, rng, at);
    else if (pick < 0.9) this.status(i, author, conversation, conversationId, at);
    else {
      this.workspace.clientID = PC_CLIENT_IDS[author] as number;
      this.workspace.transact(() => raiseMark(readMarksOf(this.workspace), conversationId, at));
      this.counts.readMarks++;
    }
  }

  /**
   * A conversation exists once a customer wrote: the channel host files them under a contact in the
   * workspace document (contact, identity), with the app's own ids, before anything else happens in it.
   */
  private conversationIdOf(conversation: number, at: number): string {
    let id = this.conversationIds.get(conversation);
    if (id === undefined) {
      this.workspace.clientID = PC_CLIENT_IDS[0] as number;
      const phone = `+1617555${String(conversation).padStart(4, '0')}`;
      id = placeCustomer(this.workspace, { identities: [{ kind: 'phone', value: phone }], displayName: `Customer ${conversation}` }, at, phone).conversationId;
      this.conversationIds.set(conversation, id);
      this.counts.contacts++;
    }
    return id;
  }

  private claim(i: number, author: number, actorId: string, conversationId: string, rng: Rng, at: number): void {
    const kind = CLAIM_KINDS[Math.floor(rng() * CLAIM_KINDS.length)] as ClaimEventKind;
    const assigneeId = kind === 'assign' ? (MEMBERS[Math.floor(rng() * MEMBERS.length)] as string) : null;
    const event: ClaimEvent = { id: `clm_${String(i).padStart(8, '0')}`, conversationId, kind, actorId, assigneeId, at };
    this.claims.clientID = PC_CLIENT_IDS[author] as number;
    appendClaimEvent(this.claims, event);
    // The server takes the event in and stamps it, as sync-server's room does after each update.
    this.claims.clientID = SERVER_CLIENT_ID;
    this.stamper.settle();
    this.counts.claims++;
  }

  private note(i: number, author: number, actorId: string, conversation: number, conversationId: string, rng: Rng, at: number): void {
    const earlier = this.notesByConversation.get(conversation) ?? [];
    const doc = this.monthDoc(monthOf(at), author);
    const body = NOTE_TEXTS[Math.floor(rng() * NOTE_TEXTS.length)] as string;
    const edited = earlier[earlier.length - 1];
    if (edited !== undefined && rng() < 0.2) {
      // An edit is kept in the month it is made in, as the app does for changes to older entries.
      const record = toChangeRecord({ kind: 'edit', targetIds: [edited], body, at }, edited, at);
      doc.transact(() => changesOf(doc).set(record.id, record));
      this.counts.noteEdits++;
      return;
    }
    const id = `note_${String(i).padStart(8, '0')}`;
    earlier.push(id);
    this.notesByConversation.set(conversation, earlier);
    doc.transact(() => putEntry(doc, timelineRecord(id, conversationId, 'note', actorId, body, at, null)));
    this.counts.notes++;
  }

  /** Each outbound message goes queued → sent → delivered: its creation is the first status change. */
  private status(i: number, author: number, conversation: number, conversationId: string, at: number): void {
    const message = this.inFlight.get(conversation);
    if (!message) {
      const id = `out_${String(i).padStart(8, '0')}`;
      const month = monthOf(at);
      const doc = this.monthDoc(month, author);
      doc.transact(() => {
        putEntry(doc, timelineRecord(id, conversationId, 'message', MEMBERS[author] as string, 'Your appointment is confirmed for Tuesday 9-11am.', at, 'queued'));
        advanceStatus(doc, id, { status: 'queued', error: null, at });
      });
      this.inFlight.set(conversation, { id, month, step: 0 });
    } else {
      message.step++;
      const doc = this.monthDoc(message.month, author);
      doc.transact(() => advanceStatus(doc, message.id, { status: STATUS_STEPS[message.step] as DeliveryStatus, error: null, at }));
      if (message.step === STATUS_STEPS.length - 1) this.inFlight.delete(conversation);
    }
    this.counts.statusChanges++;
  }

  private monthDoc(month: string, author: number): Y.Doc {
    let doc = this.months.get(month);
    if (!doc) {
      doc = new Y.Doc();
      this.months.set(month, doc);
    }
    doc.clientID = PC_CLIENT_IDS[author] as number;
    return doc;
  }
}

function timelineRecord(id: string, conversationId: string, kind: 'note' | 'message', authorMemberId: string, body: string, at: number, deliveryStatus: DeliveryStatus | null): TimelineRecord {
  return {
    id,
    conversationId,
    contactId: conversationId.replace('cv_', 'ct_'),
    kind,
    channel: kind === 'note' ? null : 'sms',
    direction: kind === 'note' ? null : 'outbound',
    authorMemberId,
    subject: null,
    body,
    occurredAt: at,
    deliveryStatus,
    attachments: [],
    call: null,
  } as TimelineRecord;
}

export function measureAppDocs(shape: { changes: number; conversations: number; seed: number }, rounds: { load: number; replay: number }, progress: (line: string) => void): AppDocsResult {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-app-docs-'));
  const store = openStore(path.join(dir, 'pc.db'));
  try {
    const log = createUpdateLog(store.sqlite);
    const began = performance.now();
    const workspaceReplica = openRoomReplica(log, WORKSPACE_ROOM);
    const claimsReplica = openRoomReplica(log, CLAIMS_ROOM);
    const docs = new AppDocs(workspaceReplica.doc, claimsReplica.doc);
    const rng = mulberry32(shape.seed);
    for (let i = 0; i < shape.changes; i++) {
      docs.write(i, rng, shape.conversations, START + Math.floor((i * YEAR_MS) / shape.changes));
      if ((i + 1) % 20_000 === 0) progress(`app documents: ${i + 1} changes written`);
    }
    const buildSeconds = (performance.now() - began) / 1000;
    // A PC opens its workspace and claims documents first, with nothing else loaded: the months are
    // kept as encoded state only while those are timed.
    const monthStates = [...docs.months].map(([month, doc]) => [month, Y.encodeStateAsUpdate(doc)] as const);
    for (const doc of docs.months.values()) doc.destroy();
    docs.months.clear();
    progress('app documents: loading');
    let liveClaimEvents = 0;
    let settledClaims = 0;
    // As the app starts: the claim log indexes the claims and every conversation's owner is resolved
    // (the claims materializer writes them all again); the read marks are read.
    const openClaims = (doc: Y.Doc) => {
      const claims = createClaimLog(doc, { localOrder: false });
      const ids = claims.conversationIds();
      settledClaims = ids.filter((id) => claims.resolve(id).ownerId !== undefined).length;
      liveClaimEvents = ids.reduce((sum, id) => sum + claims.eventsOf(id).length, 0);
    };
    const workspace = measureReplica(store, log, workspaceReplica, (doc) => [...readMarksOf(doc).values()].length, rounds);
    const claims = { ...measureReplica(store, log, claimsReplica, openClaims, rounds), liveClaimEvents, settledClaims };
    const months = monthStates.map(([month, monthState]) => ({ month, ...timeLoad(monthState, (d) => entriesOf(d).size, rounds.load) }));
    return { changes: shape.changes, conversations: shape.conversations, counts: docs.counts, buildSeconds, workspace, claims, months };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Times one room: from its state, then from the PC's log while its writer is still open (the log
 * ends in rows written after the last snapshot, as after a crash; the copies opened then are dropped
 * without closing, so they take no snapshot), then after the writer closed it.
 */
function measureReplica(store: ReturnType<typeof openStore>, log: ReturnType<typeof createUpdateLog>, writer: RoomReplica, open: (doc: Y.Doc) => unknown, rounds: { load: number; replay: number }): ReplicaFigures {
  const state = Y.encodeStateAsUpdate(writer.doc);
  const replays = (close: (opened: RoomReplica) => void) => {
    const samples = new Samples();
    for (let i = 0; i < rounds.replay; i++) {
      let opened: RoomReplica | null = null;
      samples.add(timeMs(() => open((opened = openRoomReplica(log, writer.room)).doc)));
      close(opened as unknown as RoomReplica);
    }
    return samples;
  };
  const rowsAfterSnapshot = log.load(writer.room).length - 1;
  const replayAfterCrash = replays((opened) => opened.doc.destroy());
  writer.destroy();
  const replay = replays((opened) => opened.destroy());
  const { rows, bytes } = store.sqlite
    .prepare('SELECT count(*) AS rows, coalesce(sum(length("update")), 0) AS bytes FROM doc_updates WHERE room = ?')
    .get(writer.room) as { rows: number; bytes: number };
  return { ...timeLoad(state, open, rounds.load), logRows: rows, logBytes: bytes, replay, replayAfterCrash, rowsAfterSnapshot };
}

function timeLoad(state: Uint8Array, open: (doc: Y.Doc) => unknown, rounds: number): DocFigures {
  const fromState = new Samples();
  for (let i = 0; i < rounds; i++) {
    const doc = new Y.Doc();
    fromState.add(
      timeMs(() => {
        Y.applyUpdate(doc, state);
        open(doc);
      }),
    );
    doc.destroy();
  }
  return { stateBytes: state.byteLength, fromState };
}
