import type * as Y from 'yjs';
import type { ClaimEvent } from '../../../src-shared/sync/claims';
import { LEGACY_CLAIM_EVENTS_MAP, LEGACY_CLAIM_STAMPS_MAP } from '../../../src-shared/sync/claim-doc';

/**
 * Builds before the claims document kept claims in the workspace document's flat maps. They are
 * copied, stamps and all, into the same flat maps of the claims document (where the claim log counts
 * them and sync-server carries them over into epochs) and removed from the workspace document, in one
 * transaction on each. Every PC may do it; they write the same values under the same keys.
 */
export function moveLegacyClaims(workspace: Y.Doc, claims: Y.Doc): number {
  const fromEvents = workspace.getMap<ClaimEvent>(LEGACY_CLAIM_EVENTS_MAP);
  const fromStamps = workspace.getMap<number>(LEGACY_CLAIM_STAMPS_MAP);
  if (fromEvents.size === 0 && fromStamps.size === 0) return 0;
  const events = [...fromEvents.entries()];
  const stamps = [...fromStamps.entries()];
  claims.transact(() => {
    for (const [id, event] of events) claims.getMap<ClaimEvent>(LEGACY_CLAIM_EVENTS_MAP).set(id, event);
    for (const [id, stamp] of stamps) claims.getMap<number>(LEGACY_CLAIM_STAMPS_MAP).set(id, stamp);
  });
  workspace.transact(() => {
    for (const [id] of events) fromEvents.delete(id);
    for (const [id] of stamps) fromStamps.delete(id);
  });
  return events.length;
}
