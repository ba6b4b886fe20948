/**
 * The changes a busy workspace document takes: claims (each stamped by the server), note versions,
 * conversation status changes and read marks, spread over a set of conversations and written in turn
 * by four PCs. Deterministic for a seed. Records are plain values, as in the app's documents: claim
 * events and read marks in the app's shapes; note versions and conversation statuses in the
 * benchmark's own (in the app notes are month-document entries, and statuses are not shared yet).
 */
import type { ClaimEvent, ClaimEventKind } from '../../../src-shared/sync/claims';
import { READ_MARKS_MAP } from '../../../src-shared/sync/workspace-doc';
import { mulberry32, type Rng } from '../generate-data';

/** Keys written once and never again (event logs) vs keys overwritten with each change (current values). */
export type KeyKind = 'append-only' | 'overwritten';

export interface Collection {
  name: string;
  keyKind: KeyKind;
}

export const COLLECTIONS = {
  claimEvents: { name: 'claimEvents', keyKind: 'append-only' },
  claimStamps: { name: 'claimStamps', keyKind: 'append-only' },
  notes: { name: 'notes', keyKind: 'append-only' },
  statuses: { name: 'statuses', keyKind: 'overwritten' },
  readMarks: { name: READ_MARKS_MAP, keyKind: 'overwritten' },
} as const satisfies Record<string, Collection>;

export type CollectionName = keyof typeof COLLECTIONS;

export interface NoteVersion {
  id: string;
  conversationId: string;
  authorMemberId: string;
  body: string;
  /** The version this one edits; null for a new note. */
  replaces: string | null;
  at: number;
}

export interface ConversationStatus {
  status: 'open' | 'waiting' | 'closed' | 'snoozed';
  snoozedUntil: number | null;
  needsResponse: boolean;
  at: number;
}


/** One document transaction: `author` 0-3 are the PCs, SERVER_AUTHOR is the sync-server stamping a claim. */
export interface Change {
  author: number;
  collection: CollectionName;
  key: string;
  value: unknown;
}

export const PC_AUTHORS = 4;
export const SERVER_AUTHOR = PC_AUTHORS;

export interface WorkloadShape {
  changes: number;
  conversations: number;
  seed: number;
}

/** Shares of the user changes; every claim event also brings one server stamp transaction. */
const MIX: [CollectionName, number][] = [
  ['claimEvents', 0.4],
  ['notes', 0.3],
  ['statuses', 0.2],
  ['readMarks', 0.1],
];

export const NOTE_TEXTS = [
  'Called back, left a voicemail about the estimate.',
  'Customer prefers mornings; gate code is 4471, dog in the yard.',
  'Parts on order from the supplier, ETA Thursday. Told the customer.',
  'Water heater is 14 years old, recommended replacement over repair.',
  'Second visit needed: the leak is behind the tile, not at the valve.',
] as const;

const STATUSES: ConversationStatus['status'][] = ['open', 'waiting', 'closed', 'snoozed'];
const CLAIM_KINDS: ClaimEventKind[] = ['claim', 'claim', 'release', 'assign'];

export const MEMBER_IDS = ['mem_owner', 'mem_front_desk', 'mem_estimator', 'mem_laptop'] as const;

/** The user changes in the order they happen, each claim followed by the server's stamp of it. */
export function* generateWorkload(shape: WorkloadShape): Generator<Change> {
  const rng = mulberry32(shape.seed);
  const start = Date.UTC(2025, 0, 1);
  const notesByConversation = new Map<number, string[]>();
  let stamp = 0;
  for (let i = 0; i < shape.changes; i++) {
    const author = Math.floor(rng() * PC_AUTHORS);
    const actorId = MEMBER_IDS[author] as string;
    const conversation = pickConversation(rng, shape.conversations);
    const conversationId = `cv_${String(conversation).padStart(6, '0')}`;
    const at = start + i * 30_000;
    const collection = pickCollection(rng);
    if (collection === 'claimEvents') {
      const kind = CLAIM_KINDS[Math.floor(rng() * CLAIM_KINDS.length)] as ClaimEventKind;
      const id = `clm_${String(i).padStart(8, '0')}`;
      const assigneeId = kind === 'assign' ? (MEMBER_IDS[Math.floor(rng() * PC_AUTHORS)] as string) : null;
      const event: ClaimEvent = { id, conversationId, kind, actorId, assigneeId, at };
      yield { author, collection, key: id, value: event };
      yield { author: SERVER_AUTHOR, collection: 'claimStamps', key: id, value: ++stamp };
    } else if (collection === 'notes') {
      const earlier = notesByConversation.get(conversation) ?? [];
      const replaces = earlier.length > 0 && rng() < 0.2 ? (earlier[earlier.length - 1] as string) : null;
      const id = `note_${String(i).padStart(8, '0')}`;
      earlier.push(id);
      notesByConversation.set(conversation, earlier);
      const body = NOTE_TEXTS[Math.floor(rng() * NOTE_TEXTS.length)] as string;
      const note: NoteVersion = { id, conversationId, authorMemberId: actorId, body, replaces, at };
      yield { author, collection, key: id, value: note };
    } else if (collection === 'statuses') {
      const status = STATUSES[Math.floor(rng() * STATUSES.length)] as ConversationStatus['status'];
      const value: ConversationStatus = { status, snoozedUntil: status === 'snoozed' ? at + 86_400_000 : null, needsResponse: rng() < 0.3, at };
      yield { author, collection, key: conversationId, value };
    } else {
      // As the app keeps them: conversation → the time up to which it was read, only ever raised.
      yield { author, collection, key: conversationId, value: at };
    }
  }
}

/** A few conversations are busy and most are quiet, as in a real inbox (a squared uniform skews low). */
function pickConversation(rng: Rng, conversations: number): number {
  const r = rng();
  return Math.floor(r * r * conversations);
}

function pickCollection(rng: Rng): CollectionName {
  let r = rng();
  for (const [name, share] of MIX) {
    if (r < share) return name;
    r -= share;
  }
  return 'readMarks';
}
