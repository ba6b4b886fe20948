import * as Y from 'yjs';
import { alreadyFolded, claimViewFor, decodeSettled, resolveClaims, type ClaimEvent, type ClaimState } from '../../../src-shared/sync/claims';
import {
  appendClaimEvent,
  claimEpochs,
  claimStamps,
  currentSettled,
  legacyClaimEvents,
  legacyClaimStamps,
  settledGenerations,
  type EventMap,
  type SettledMap,
} from '../../../src-shared/sync/claim-doc';
import type { ClaimView } from '../../../src-shared/api/requests';

/** Where this log files the flat maps' events: no epoch key is empty. */
const LEGACY_EPOCH = '';

/**
 * The claims document as this PC reads it: the live events indexed by
 * conversation (so resolving one does not walk every claim), the server's stamps and settled
 * records, and which conversations each transaction touched. When the server deletes an epoch, an
 * event in it that it never counted (written here while offline) is written again into the newest
 * epoch, inside the same transaction cleanup, so it is stored together with the deletion.
 */
export function createClaimLog(doc: Y.Doc, options: { localOrder: boolean }) {
  const epochs = claimEpochs(doc);
  const byEpoch = new Map<string, Map<string, ClaimEvent>>();
  const epochOf = new Map<string, string>();
  const byConversation = new Map<string, Map<string, ClaimEvent>>();
  let touched = new Set<string>();

  const index = (epochKey: string, event: ClaimEvent) => {
    const inEpoch = byEpoch.get(epochKey) ?? new Map<string, ClaimEvent>();
    inEpoch.set(event.id, event);
    byEpoch.set(epochKey, inEpoch);
    epochOf.set(event.id, epochKey);
    const inConversation = byConversation.get(event.conversationId) ?? new Map<string, ClaimEvent>();
    inConversation.set(event.id, event);
    byConversation.set(event.conversationId, inConversation);
    touched.add(event.conversationId);
  };
  const indexEpoch = (epochKey: string, epoch: EventMap) => {
    for (const event of epoch.values()) index(epochKey, event);
  };
  // The current generation, found again only when the server starts a new one.
  let settled: SettledMap | null = currentSettled(doc);
  const settledOf = (conversationId: string) => decodeSettled(settled?.get(conversationId));

  const forget = (event: ClaimEvent) => {
    byEpoch.get(epochOf.get(event.id) ?? LEGACY_EPOCH)?.delete(event.id);
    epochOf.delete(event.id);
    byConversation.get(event.conversationId)?.delete(event.id);
    touched.add(event.conversationId);
  };

  /** Forgets a deleted epoch's events, and returns those the server never counted. */
  const dropEpoch = (epochKey: string): ClaimEvent[] => {
    const events = [...(byEpoch.get(epochKey)?.values() ?? [])];
    for (const event of events) forget(event);
    byEpoch.delete(epochKey);
    return events.filter((event) => !alreadyFolded(settledOf(event.conversationId), event));
  };

  // Claims written by builds before epochs count where they are until sync-server carries them over
  // (it empties the flat maps then); with no server they stay there.
  const legacyEvents = legacyClaimEvents(doc);
  const legacyStamps = legacyClaimStamps(doc);
  for (const event of legacyEvents.values()) index(LEGACY_EPOCH, event);
  legacyEvents.observe((change) => {
    for (const [id, { action, oldValue }] of change.changes.keys) {
      if (action !== 'add') forget(oldValue as ClaimEvent);
      const event = legacyEvents.get(id);
      if (event) index(LEGACY_EPOCH, event);
    }
  });

  for (const [key, epoch] of epochs.entries()) indexEpoch(key, epoch);
  // Observers run before 'afterTransaction', so the index is current for whoever reacts to a change.
  epochs.observeDeep((events) => {
    const uncounted: ClaimEvent[] = [];
    for (const event of events) {
      for (const [key, change] of event.changes.keys) {
        if (event.target === epochs) {
          if (change.action !== 'add') uncounted.push(...dropEpoch(key));
          const epoch = epochs.get(key);
          if (epoch) indexEpoch(key, epoch);
        } else {
          const epochKey = event.path[0] as string;
          const value = (event.target as EventMap).get(key);
          if (value) index(epochKey, value);
        }
      }
    }
    for (const event of uncounted) appendClaimEvent(doc, event);
  });
  claimStamps(doc).observeDeep((events) => {
    for (const event of events) {
      if (event.target === claimStamps(doc)) continue;
      for (const eventId of event.changes.keys.keys()) {
        const epochKey = epochOf.get(eventId);
        const claim = epochKey ? byEpoch.get(epochKey)?.get(eventId) : undefined;
        if (claim) touched.add(claim.conversationId);
      }
    }
  });
  settledGenerations(doc).observeDeep((events) => {
    for (const event of events) {
      if (event.target === settledGenerations(doc)) {
        settled = currentSettled(doc);
        for (const conversationId of settled?.keys() ?? []) touched.add(conversationId);
      } else {
        for (const conversationId of event.changes.keys.keys()) touched.add(conversationId);
      }
    }
  });

  const stampOf = (eventId: string) => {
    const epochKey = epochOf.get(eventId);
    if (epochKey === LEGACY_EPOCH) return legacyStamps.get(eventId);
    return epochKey === undefined ? undefined : claimStamps(doc).get(epochKey)?.get(eventId);
  };
  const resolve = (conversationId: string): ClaimState =>
    resolveClaims(settledOf(conversationId), [...(byConversation.get(conversationId)?.values() ?? [])], stampOf, options);

  return {
    append: (event: ClaimEvent) => appendClaimEvent(doc, event),
    eventsOf: (conversationId: string): ClaimEvent[] => [...(byConversation.get(conversationId)?.values() ?? [])],
    /** Every conversation with a settled record or a live event. */
    conversationIds(): string[] {
      const ids = new Set(settled?.keys() ?? []);
      for (const [id, events] of byConversation) if (events.size > 0) ids.add(id);
      return [...ids];
    },
    /** The conversations whose claims changed since the last call. */
    takeTouched(): Set<string> {
      const taken = touched;
      touched = new Set();
      return taken;
    },
    resolve,
    view(conversationId: string, memberId: string): ClaimView {
      return claimViewFor(resolve(conversationId), settledOf(conversationId), memberId);
    },
  };
}

export type ClaimLog = ReturnType<typeof createClaimLog>;
