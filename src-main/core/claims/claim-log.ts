import type * as Y from 'yjs';
import { CLAIM_EVENTS_MAP, CLAIM_STAMPS_MAP, claimViewFor, resolveClaims, type ClaimEvent, type ClaimState } from '../../../src-shared/sync/claims';
import type { ClaimView } from '../../../src-shared/api/requests';

/**
 * The claim events of the workspace document, indexed by conversation so that resolving one
 * conversation does not walk every claim ever made.
 */
export function createClaimLog(doc: Y.Doc, options: { localOrder: boolean }) {
  const events = doc.getMap<ClaimEvent>(CLAIM_EVENTS_MAP);
  const stamps = doc.getMap<number>(CLAIM_STAMPS_MAP);
  const byConversation = new Map<string, ClaimEvent[]>();
  const index = (event: ClaimEvent) => {
    const list = byConversation.get(event.conversationId) ?? [];
    list.push(event);
    byConversation.set(event.conversationId, list);
  };
  for (const event of events.values()) index(event);
  // Observers run before 'afterTransaction', so the index is current for whoever reacts to a change.
  events.observe((change) => {
    for (const id of change.keysChanged) {
      const event = events.get(id);
      if (event && !byConversation.get(event.conversationId)?.some((e) => e.id === id)) index(event);
    }
  });

  return {
    events,
    stamps,
    conversationIds: () => [...byConversation.keys()],
    /** The conversations whose owner may have changed when these events or stamps changed. */
    conversationsOf(eventOrStampIds: Iterable<string>): Set<string> {
      const touched = new Set<string>();
      for (const id of eventOrStampIds) {
        const event = events.get(id);
        if (event) touched.add(event.conversationId);
      }
      return touched;
    },
    resolve(conversationId: string): ClaimState {
      return resolveClaims(byConversation.get(conversationId) ?? [], (id) => stamps.get(id), options);
    },
    view(conversationId: string, memberId: string): ClaimView {
      const list = byConversation.get(conversationId) ?? [];
      const stampOf = (id: string) => stamps.get(id);
      return claimViewFor(resolveClaims(list, stampOf, options), list, stampOf, memberId);
    },
  };
}

export type ClaimLog = ReturnType<typeof createClaimLog>;
