import * as Y from 'yjs';
import { decodeSettled, type ClaimEvent, type SettledClaim } from './claims';

/**
 * How claims are kept in the claims document (`ws/<id>/claims`) so that it does not grow with every
 * claim ever made.
 * Yjs forgets an entry's history only when the type holding it is deleted, so claims live in nested
 * maps the server can delete once it has counted what they hold:
 *  - epochs: PCs write events into the newest server epoch (`s…`); a PC that has never heard from a
 *    server writes into an epoch of its own (`l<clientID>`), so two writers never create the same
 *    nested map. The server opens a new epoch as one fills, and deletes older ones once every event
 *    in them is stamped and folded.
 *  - stamps: per epoch, event id → the order the server received it in (server only).
 *  - settled: per generation, conversation id → its SettledClaim, encoded (server only). The server starts a new
 *    generation with only the current records once overwrites have piled up.
 * A PC whose unstamped event vanishes with a deleted epoch writes it again (see the PC's claim log).
 */
export const CLAIM_EPOCHS_MAP = 'claimEpochs';
export const CLAIM_STAMPS_MAP = 'claimEpochStamps';
/**
 * Where builds before epochs kept claims, in the workspace document: one flat map of events, one of
 * their stamps. PCs move them into the same maps of the claims document, where sync-server carries
 * them over into epochs.
 */
export const LEGACY_CLAIM_EVENTS_MAP = 'claimEvents';
export const LEGACY_CLAIM_STAMPS_MAP = 'claimStamps';
export const CLAIM_SETTLED_MAP = 'claimSettled';

export type EventMap = Y.Map<ClaimEvent>;
export type StampMap = Y.Map<number>;
/** Conversation id → its settled claim, encoded (encodeSettled). */
export type SettledMap = Y.Map<string>;

export const serverEpochKey = (n: number): string => `s${String(n).padStart(10, '0')}`;
export const isServerEpoch = (key: string): boolean => key.startsWith('s');
export const settledGenerationKey = (n: number): string => `g${String(n).padStart(10, '0')}`;
const localEpochKey = (doc: Y.Doc): string => `l${doc.clientID}`;

export const claimEpochs = (doc: Y.Doc): Y.Map<EventMap> => doc.getMap<EventMap>(CLAIM_EPOCHS_MAP);
export const claimStamps = (doc: Y.Doc): Y.Map<StampMap> => doc.getMap<StampMap>(CLAIM_STAMPS_MAP);
export const settledGenerations = (doc: Y.Doc): Y.Map<SettledMap> => doc.getMap<SettledMap>(CLAIM_SETTLED_MAP);
export const legacyClaimEvents = (doc: Y.Doc): Y.Map<ClaimEvent> => doc.getMap<ClaimEvent>(LEGACY_CLAIM_EVENTS_MAP);
export const legacyClaimStamps = (doc: Y.Doc): Y.Map<number> => doc.getMap<number>(LEGACY_CLAIM_STAMPS_MAP);

export interface LegacyClaims {
  events: [string, ClaimEvent][];
  stamps: [string, number][];
}

/** What a document's flat claim maps hold. */
export function readLegacyClaims(doc: Y.Doc): LegacyClaims {
  return { events: [...legacyClaimEvents(doc).entries()], stamps: [...legacyClaimStamps(doc).entries()] };
}

/** Removes what `readLegacyClaims` returned, once it is kept elsewhere, in one transaction. */
export function clearLegacyClaims(doc: Y.Doc, legacy: LegacyClaims): void {
  doc.transact(() => {
    for (const [id] of legacy.events) legacyClaimEvents(doc).delete(id);
    for (const [id] of legacy.stamps) legacyClaimStamps(doc).delete(id);
  });
}

/** The largest key among those that pass `accept`: keys are zero-padded, so string order is their order. */
export function newestKey<T>(map: Y.Map<T>, accept: (key: string) => boolean = () => true): string | null {
  let newest: string | null = null;
  for (const key of map.keys()) if (accept(key) && (newest === null || key > newest)) newest = key;
  return newest;
}

/** The current settled records, or null before the server wrote any. */
export function currentSettled(doc: Y.Doc): SettledMap | null {
  const generations = settledGenerations(doc);
  const key = newestKey(generations);
  return key === null ? null : (generations.get(key) ?? null);
}

/** One conversation's settled claim, if the server has counted any event of it. */
export function readSettled(doc: Y.Doc, conversationId: string): SettledClaim | undefined {
  return decodeSettled(currentSettled(doc)?.get(conversationId));
}

/** Writes an event where the server will find it: the newest server epoch, else this PC's own. */
export function appendClaimEvent(doc: Y.Doc, event: ClaimEvent): void {
  doc.transact(() => {
    const epochs = claimEpochs(doc);
    const key = newestKey(epochs, isServerEpoch) ?? localEpochKey(doc);
    let epoch = epochs.get(key);
    if (!epoch) {
      epoch = new Y.Map<ClaimEvent>();
      epochs.set(key, epoch);
    }
    epoch.set(event.id, event);
  });
}
