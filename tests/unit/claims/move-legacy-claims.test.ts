import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createClaimLog } from '../../../src-main/core/claims/claim-log';
import { moveLegacyClaims } from '../../../src-main/core/claims/move-legacy-claims';
import type { ClaimEvent } from '../../../src-shared/sync/claims';
import { LEGACY_CLAIM_EVENTS_MAP, LEGACY_CLAIM_STAMPS_MAP } from '../../../src-shared/sync/claim-doc';

const claim: ClaimEvent = { id: 'old', conversationId: 'cv_1', kind: 'claim', actorId: 'mb_desk', assigneeId: null, at: 1 };

describe('claims an earlier build kept in the workspace document', () => {
  it('move, stamps and all, into the claims document, where the claim log counts them', () => {
    const workspace = new Y.Doc();
    workspace.getMap<ClaimEvent>(LEGACY_CLAIM_EVENTS_MAP).set('old', claim);
    workspace.getMap<number>(LEGACY_CLAIM_STAMPS_MAP).set('old', 3);
    const claims = new Y.Doc();
    expect(moveLegacyClaims(workspace, claims)).toBe(1);
    expect(workspace.getMap(LEGACY_CLAIM_EVENTS_MAP).size + workspace.getMap(LEGACY_CLAIM_STAMPS_MAP).size).toBe(0);
    expect(claims.getMap(LEGACY_CLAIM_EVENTS_MAP).toJSON()).toEqual({ old: claim });
    expect(claims.getMap(LEGACY_CLAIM_STAMPS_MAP).toJSON()).toEqual({ old: 3 });
    expect(createClaimLog(claims, { localOrder: true }).resolve('cv_1').ownerId).toBe('mb_desk');
    expect(moveLegacyClaims(workspace, claims)).toBe(0);
  });
});
