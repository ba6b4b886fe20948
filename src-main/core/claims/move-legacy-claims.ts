import type * as Y from 'yjs';
import { clearLegacyClaims, legacyClaimEvents, legacyClaimStamps, readLegacyClaims } from '../../../src-shared/sync/claim-doc';

/**
 * Builds before the claims document kept claims in the workspace document's flat maps. They are
 * copied, stamps and all, into the same flat maps of the claims document (where the claim log counts
 * them and sync-server carries them over into epochs), and only then removed from the workspace
 * document. Every PC may do it; they write the same values under the same keys.
 */
export function moveLegacyClaims(workspace: Y.Doc, claims: Y.Doc): number {
  const legacy = readLegacyClaims(workspace);
  if (legacy.events.length === 0 && legacy.stamps.length === 0) return 0;
  claims.transact(() => {
    for (const [id, event] of legacy.events) legacyClaimEvents(claims).set(id, event);
    for (const [id, stamp] of legacy.stamps) legacyClaimStamps(claims).set(id, stamp);
  });
  clearLegacyClaims(workspace, legacy);
  return legacy.events.length;
}
