import * as Y from 'yjs';
import { decodeSettled, encodeSettled, foldClaim, type ClaimEvent, type SettledClaim } from '../../src-shared/sync/claims';
import {
  appendClaimEvent,
  claimEpochs,
  claimStamps,
  currentSettled,
  isServerEpoch,
  newestKey,
  serverEpochKey,
  settledGenerationKey,
  settledGenerations,
  type EventMap,
  type SettledMap,
  type StampMap,
} from '../../src-shared/sync/claim-doc';
import { LegacyClaims } from './legacy-claims';
import { isClientOrigin, SERVER_WRITE, STORED_LOAD } from './origins';

/** Events per epoch before the server opens the next one. */
export const EPOCH_EVENTS = 500;
/** Epochs kept whatever they hold: the current one and the one before, which offline PCs may still be writing into. */
const KEPT_EPOCHS = 2;
/**
 * A new generation of settled records once the overwrites since the last one reach a quarter of the
 * records (at least 1,000): each overwrite leaves an entry Yjs must still read, and a new generation
 * costs one copy of every record, so this keeps both within a quarter of the records.
 */
const MIN_GENERATION_FOLDS = 1_000;
const GENERATION_FOLDS_SHARE = 0.25;

interface Arrival {
  epochKey: string;
  eventId: string;
}

/**
 * Gives each new claim event of a workspace document the next stamp, in the order the server received
 * them, and folds it into its conversation's settled claim: that is what makes every replica agree on
 * who owns a conversation. It also keeps the claims small (claim-doc.ts): a new epoch as one fills,
 * counted epochs deleted, a fresh generation of settled records once overwrites pile up.
 *
 * Stamps and settled records are the server's alone. A Yjs update cannot be refused once applied, so a
 * client's write to them is undone in the server transaction that stamps, from the server's own copy.
 */
export class ClaimStamper {
  private readonly epochs: Y.Map<EventMap>;
  private readonly stamps: Y.Map<StampMap>;
  private readonly generations: Y.Map<SettledMap>;
  private readonly legacy: LegacyClaims;
  private readonly stampCopy = new Map<string, Map<string, number>>();
  private readonly settledCopy = new Map<string, SettledClaim>();
  private arrived: Arrival[] = [];
  /** Client transactions that wrote to stamps or settled records since the last settle. */
  private tampered = new Set<Y.Transaction>();
  private nextStamp = 1;
  private nextEpoch = 1;
  private nextGeneration = 1;
  private foldsInGeneration = 0;

  constructor(private readonly doc: Y.Doc) {
    this.epochs = claimEpochs(doc);
    this.stamps = claimStamps(doc);
    this.generations = settledGenerations(doc);
    // Events loaded from the store are picked up by `resume`; any other arrival, even one the server wrote, is stamped.
    this.epochs.observeDeep((events, transaction) => {
      if (transaction.origin === STORED_LOAD) return;
      for (const event of events) this.arrived.push(...this.arrivalsIn(event));
    });
    const watchServerOwned = (_: unknown, transaction: Y.Transaction) => {
      if (isClientOrigin(transaction.origin)) this.tampered.add(transaction);
    };
    this.stamps.observeDeep(watchServerOwned);
    this.generations.observeDeep(watchServerOwned);
    this.legacy = new LegacyClaims(doc);
  }

  /**
   * After a load: takes the stored stamps and settled records as its own copy, continues numbering
   * after the highest, and stamps events that arrived while nothing stamped them, oldest author clock first.
   */
  resume(): void {
    const doc = this.doc;
    for (const [epochKey, stamps] of this.stamps.entries()) this.stampCopy.set(epochKey, new Map(stamps.entries()));
    for (const [conversationId, encoded] of currentSettled(doc)?.entries() ?? []) {
      const settled = decodeSettled(encoded);
      if (settled) this.settledCopy.set(conversationId, settled);
    }
    const stamps = [...this.stampCopy.values()].flatMap((m) => [...m.values()]);
    this.nextStamp = Math.max(this.legacy.highestStamp(), ...stamps, ...[...this.settledCopy.values()].map((s) => s.stamp)) + 1;
    this.nextEpoch = keyNumber(newestKey(this.epochs, isServerEpoch)) + 1;
    this.nextGeneration = keyNumber(newestKey(this.generations)) + 1;
    this.arrived = [...this.epochs.entries()].flatMap(([epochKey, epoch]) => [...epoch.keys()].map((eventId) => ({ epochKey, eventId })));
    this.tampered.clear();
    this.settle();
  }

  /** Undoes clients' writes to stamps and settled records, stamps and folds new events, in one server transaction. */
  settle(): { stamped: number; undone: number } {
    const undone = this.tampered.size;
    const idle = this.arrived.length === 0 && undone === 0 && !this.legacy.waiting;
    if (idle && newestKey(this.epochs, isServerEpoch) !== null) return { stamped: 0, undone: 0 };
    const arrived = this.sortByAuthorClock(this.arrived);
    this.arrived = [];
    this.tampered.clear();
    let stamped = 0;
    this.doc.transact(() => {
      if (undone > 0) this.restore();
      // An epoch must exist before carried-over events can join it.
      this.openEpochIfFull();
      this.adoptLegacy();
      for (const arrival of arrived) if (this.stampAndFold(arrival)) stamped++;
      this.openEpochIfFull();
      this.retireCountedEpochs();
      if (this.foldsInGeneration >= Math.max(MIN_GENERATION_FOLDS, this.settledCopy.size * GENERATION_FOLDS_SHARE)) this.startGeneration();
    }, SERVER_WRITE);
    // Events this transaction moved into an epoch (carried over from the flat maps) are stamped next.
    if (this.arrived.length > 0) stamped += this.settle().stamped;
    return { stamped, undone };
  }

  private arrivalsIn(event: Y.YEvent<Y.AbstractType<unknown>>): Arrival[] {
    const arrivals: Arrival[] = [];
    for (const [key, change] of event.changes.keys) {
      if (change.action === 'delete') continue;
      if (event.target === this.epochs) {
        for (const eventId of this.epochs.get(key)?.keys() ?? []) arrivals.push({ epochKey: key, eventId });
      } else {
        arrivals.push({ epochKey: event.path[0] as string, eventId: key });
      }
    }
    return arrivals;
  }

  /** Folds claims kept the old way and moves their unstamped events into the current epoch (stamped on arrival there). */
  private adoptLegacy(): void {
    if (!this.legacy.waiting) return;
    const { stamped, unstamped } = this.legacy.takeAll();
    for (const { event, stamp } of stamped) this.fold(event, stamp);
    for (const event of unstamped) appendClaimEvent(this.doc, event);
  }

  private stampAndFold({ epochKey, eventId }: Arrival): boolean {
    const event = this.epochs.get(epochKey)?.get(eventId);
    const epochStamps = this.stampCopy.get(epochKey) ?? new Map<string, number>();
    if (!event || epochStamps.has(eventId)) return false;
    const stamp = this.nextStamp++;
    epochStamps.set(eventId, stamp);
    this.stampCopy.set(epochKey, epochStamps);
    this.stampMapOf(epochKey).set(eventId, stamp);
    this.fold(event, stamp);
    return true;
  }

  /**
   * Folds a stamped event into its conversation's settled claim. The same event written again by a PC
   * that could not tell it had been counted is not counted twice.
   */
  private fold(event: ClaimEvent, stamp: number): void {
    const before = this.settledCopy.get(event.conversationId);
    if (before?.lastBy[event.actorId]?.eventId === event.id) return;
    const conversationId = event.conversationId;
    const settled = foldClaim(before, event, stamp);
    this.settledCopy.set(conversationId, settled);
    const generation = newestKey(this.generations);
    if (generation === null) this.startGeneration();
    else this.generations.get(generation)?.set(conversationId, encodeSettled(settled));
    this.foldsInGeneration++;
  }

  private stampMapOf(epochKey: string): StampMap {
    let map = this.stamps.get(epochKey);
    if (!map) {
      map = new Y.Map<number>();
      this.stamps.set(epochKey, map);
    }
    return map;
  }

  private openEpochIfFull(): void {
    const current = newestKey(this.epochs, isServerEpoch);
    if (current !== null && (this.epochs.get(current)?.size ?? 0) < EPOCH_EVENTS) return;
    this.epochs.set(serverEpochKey(this.nextEpoch++), new Y.Map<ClaimEvent>());
  }

  /** Deletes epochs older than the kept ones once every event in them is stamped (and so folded). */
  private retireCountedEpochs(): void {
    const kept = new Set([...this.epochs.keys()].filter(isServerEpoch).sort().slice(-KEPT_EPOCHS));
    for (const [epochKey, epoch] of [...this.epochs.entries()]) {
      const stamps = this.stampCopy.get(epochKey);
      if (kept.has(epochKey) || [...epoch.keys()].some((eventId) => !stamps?.has(eventId))) continue;
      this.epochs.delete(epochKey);
      this.stamps.delete(epochKey);
      this.stampCopy.delete(epochKey);
    }
  }

  /** A new generation holding only the current records; deleting the old one lets Yjs forget their history. */
  private startGeneration(): void {
    const fresh = new Y.Map<string>();
    for (const key of [...this.generations.keys()]) this.generations.delete(key);
    this.generations.set(settledGenerationKey(this.nextGeneration++), fresh);
    for (const [conversationId, settled] of this.settledCopy) fresh.set(conversationId, encodeSettled(settled));
    this.foldsInGeneration = 0;
  }

  private restore(): void {
    for (const key of [...this.stamps.keys()]) if (!this.stampCopy.has(key)) this.stamps.delete(key);
    for (const [epochKey, copy] of this.stampCopy) {
      const map = this.stampMapOf(epochKey);
      for (const eventId of [...map.keys()]) if (!copy.has(eventId)) map.delete(eventId);
      for (const [eventId, stamp] of copy) if (map.get(eventId) !== stamp) map.set(eventId, stamp);
    }
    this.startGeneration();
  }

  private sortByAuthorClock(arrivals: Arrival[]): Arrival[] {
    const at = ({ epochKey, eventId }: Arrival) => {
      const value = this.epochs.get(epochKey)?.get(eventId)?.at;
      return typeof value === 'number' ? value : 0;
    };
    return arrivals.sort((a, b) => at(a) - at(b) || a.eventId.localeCompare(b.eventId));
  }
}

/** The number in a zero-padded epoch or generation key; 0 when there is none. */
function keyNumber(key: string | null): number {
  return key === null ? 0 : Number(key.slice(1));
}
