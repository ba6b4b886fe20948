import * as Y from 'yjs';
import { CLAIM_EVENTS_MAP, CLAIM_STAMPS_MAP, type ClaimEvent } from '../../src-shared/sync/claims';
import { isClientOrigin, SERVER_WRITE, STORED_LOAD } from './origins';

interface ForgedStamp {
  eventId: string;
  /** The server's value before the client touched it; undefined when the client added the key. */
  serverValue: unknown;
}

/**
 * Gives each new claim event of a workspace document the next stamp, in the order the server received
 * them, which is what makes every replica agree on who owns a conversation. Stamps are the server's
 * alone: a client's write to them is undone in the same server transaction that stamps, since a Yjs
 * update cannot be refused after it is applied and checking it beforehand would mean applying it twice.
 */
export class ClaimStamper {
  private readonly events: Y.Map<ClaimEvent>;
  private readonly stamps: Y.Map<number>;
  private arrived: string[] = [];
  private forged: ForgedStamp[] = [];
  private nextStamp = 1;

  constructor(private readonly doc: Y.Doc) {
    this.events = doc.getMap<ClaimEvent>(CLAIM_EVENTS_MAP);
    this.stamps = doc.getMap<number>(CLAIM_STAMPS_MAP);
    // Events loaded from the store are picked up by `resume`; any other arrival, even one the server wrote, is stamped.
    this.events.observe((event, transaction) => {
      if (transaction.origin === STORED_LOAD) return;
      const added = [...event.changes.keys].filter(([, change]) => change.action === 'add').map(([id]) => id);
      this.arrived.push(...sortByAuthorClock(this.events, added));
    });
    this.stamps.observe((event, transaction) => {
      if (!isClientOrigin(transaction.origin)) return;
      for (const [eventId, change] of event.changes.keys) {
        this.forged.push({ eventId, serverValue: change.action === 'add' ? undefined : change.oldValue });
      }
    });
  }

  /**
   * After a load: continues numbering after the highest stamp, and stamps events that arrived while
   * nothing stamped them (a document written before stamping existed), oldest author clock first.
   */
  resume(): void {
    for (const stamp of this.stamps.values()) {
      if (typeof stamp === 'number' && stamp >= this.nextStamp) this.nextStamp = stamp + 1;
    }
    this.arrived = sortByAuthorClock(this.events, [...this.events.keys()]);
    this.forged = [];
    this.settle();
  }

  /** Undoes forged stamps and stamps new events, in one server transaction; a no-op when there is nothing to do. */
  settle(): { stamped: number; undone: number } {
    if (this.arrived.length === 0 && this.forged.length === 0) return { stamped: 0, undone: 0 };
    const arrived = this.arrived;
    const forged = this.forged;
    this.arrived = [];
    this.forged = [];
    let stamped = 0;
    this.doc.transact(() => {
      for (const { eventId, serverValue } of forged) {
        if (typeof serverValue === 'number') this.stamps.set(eventId, serverValue);
        else this.stamps.delete(eventId);
      }
      for (const eventId of arrived) {
        if (this.events.has(eventId) && !this.stamps.has(eventId)) {
          this.stamps.set(eventId, this.nextStamp++);
          stamped++;
        }
      }
    }, SERVER_WRITE);
    return { stamped, undone: forged.length };
  }
}

function sortByAuthorClock(events: Y.Map<ClaimEvent>, ids: string[]): string[] {
  const at = (id: string) => {
    const value = events.get(id)?.at;
    return typeof value === 'number' ? value : 0;
  };
  return ids.sort((a, b) => at(a) - at(b) || a.localeCompare(b));
}
