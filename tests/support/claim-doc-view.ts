import type * as Y from 'yjs';
import { resolveClaims, type ClaimEvent, type ClaimEventKind, type ClaimState } from '../../src-shared/sync/claims';
import { appendClaimEvent, claimEpochs, claimStamps, readSettled } from '../../src-shared/sync/claim-doc';

/** Every live claim event of a workspace document, whatever epoch holds it. */
export function liveClaimEvents(doc: Y.Doc): ClaimEvent[] {
  return [...claimEpochs(doc).values()].flatMap((epoch) => [...epoch.values()]);
}

/** Event id → stamp, over every epoch the document still holds. */
export function allStamps(doc: Y.Doc): Record<string, number> {
  return Object.fromEntries([...claimStamps(doc).values()].flatMap((stamps) => [...stamps.entries()]));
}

/** What a replica resolves for one conversation, read straight from the document. */
export function claimStateOf(doc: Y.Doc, conversationId: string, options: { localOrder?: boolean } = {}): ClaimState {
  const stamps = allStamps(doc);
  const events = liveClaimEvents(doc).filter((e) => e.conversationId === conversationId);
  return resolveClaims(readSettled(doc, conversationId), events, (id) => stamps[id], options);
}

export function writeClaimEvent(doc: Y.Doc, id: string, actorId: string, at: number, kind: ClaimEventKind = 'claim', conversationId = 'cv_1'): void {
  appendClaimEvent(doc, { id, conversationId, kind, actorId, assigneeId: null, at });
}
