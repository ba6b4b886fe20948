import type * as Y from 'yjs';
import type { ClaimEvent } from '../../src-shared/sync/claims';
import { LEGACY_CLAIM_EVENTS_MAP, LEGACY_CLAIM_STAMPS_MAP } from '../../src-shared/sync/claim-doc';

/**
 * Claims as builds before epochs kept them (flat maps of events and stamps), so the stamper can
 * carry them over: stamped events are folded in their stamp order, unstamped ones (from a PC that
 * has not been updated, or that wrote them offline before it was) join the current epoch.
 */
export class LegacyClaims {
  private readonly events: Y.Map<ClaimEvent>;
  private readonly stamps: Y.Map<number>;

  constructor(doc: Y.Doc) {
    this.events = doc.getMap<ClaimEvent>(LEGACY_CLAIM_EVENTS_MAP);
    this.stamps = doc.getMap<number>(LEGACY_CLAIM_STAMPS_MAP);
  }

  get waiting(): boolean {
    return this.events.size > 0 || this.stamps.size > 0;
  }

  highestStamp(): number {
    return Math.max(0, ...[...this.stamps.values()].filter((stamp) => typeof stamp === 'number'));
  }

  /** Hands over every flat event (stamped ones with their stamp, in stamp order) and empties the flat maps. */
  takeAll(): { stamped: { event: ClaimEvent; stamp: number }[]; unstamped: ClaimEvent[] } {
    const stamped: { event: ClaimEvent; stamp: number }[] = [];
    const unstamped: ClaimEvent[] = [];
    for (const [id, event] of this.events.entries()) {
      const stamp = this.stamps.get(id);
      if (typeof stamp === 'number') stamped.push({ event, stamp });
      else unstamped.push(event);
    }
    for (const id of [...this.events.keys()]) this.events.delete(id);
    for (const id of [...this.stamps.keys()]) this.stamps.delete(id);
    stamped.sort((a, b) => a.stamp - b.stamp);
    return { stamped, unstamped };
  }
}
