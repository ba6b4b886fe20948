import type * as Y from 'yjs';
import type { ClaimEvent } from '../../src-shared/sync/claims';
import { clearLegacyClaims, legacyClaimEvents, legacyClaimStamps, readLegacyClaims } from '../../src-shared/sync/claim-doc';

/**
 * Claims as builds before epochs kept them (flat maps of events and stamps, moved into the claims
 * document by updated PCs), so the stamper can carry them over: stamped events are folded in their
 * stamp order, unstamped ones (written offline, or by a PC not yet updated) join the current epoch.
 */
export class LegacyClaims {
  constructor(private readonly doc: Y.Doc) {}

  get waiting(): boolean {
    return legacyClaimEvents(this.doc).size > 0 || legacyClaimStamps(this.doc).size > 0;
  }

  highestStamp(): number {
    return Math.max(0, ...[...legacyClaimStamps(this.doc).values()].filter((stamp) => typeof stamp === 'number'));
  }

  /** Hands over every flat event (stamped ones with their stamp, in stamp order) and empties the flat maps. */
  takeAll(): { stamped: { event: ClaimEvent; stamp: number }[]; unstamped: ClaimEvent[] } {
    const legacy = readLegacyClaims(this.doc);
    const stamps = new Map(legacy.stamps);
    const stamped: { event: ClaimEvent; stamp: number }[] = [];
    const unstamped: ClaimEvent[] = [];
    for (const [id, event] of legacy.events) {
      const stamp = stamps.get(id);
      if (typeof stamp === 'number') stamped.push({ event, stamp });
      else unstamped.push(event);
    }
    clearLegacyClaims(this.doc, legacy);
    stamped.sort((a, b) => a.stamp - b.stamp);
    return { stamped, unstamped };
  }
}
