/**
 * Claims and assignments, as stored in the workspace document: a flat map of events keyed by their own
 * id (so concurrent writers never overwrite each other), plus the stamps the sync-server gives each
 * event in the order it received them. Only the server writes stamps.
 */
export const CLAIM_EVENTS_MAP = 'claimEvents';
export const CLAIM_STAMPS_MAP = 'claimStamps';

export type ClaimEventKind = 'claim' | 'release' | 'assign' | 'unassign';

export interface ClaimEvent {
  id: string;
  conversationId: string;
  kind: ClaimEventKind;
  /** Who did it. */
  actorId: string;
  /** For `assign`: the member given the conversation. */
  assigneeId: string | null;
  /** The author's clock, for display only; order comes from stamps. */
  at: number;
}

export interface ClaimState {
  ownerId: string | null;
  /** Events not yet stamped by the server, in the author's order: shown as pending. */
  pending: ClaimEvent[];
  /** The stamped event that decided the owner, if any. */
  decidedBy: ClaimEvent | null;
}

/**
 * The owner is decided by stamped events in stamp order: a claim takes an unowned conversation, a
 * release by the owner frees it, an assignment or unassignment overrides whatever came before.
 * Unstamped events never change the owner, so a laptop that was offline since morning cannot take a
 * conversation from the person answering it. With no server (one PC) local order rules: pass
 * `localOrder` and events count in their `at` order.
 */
export function resolveClaims(
  events: readonly ClaimEvent[],
  stampOf: (eventId: string) => number | undefined,
  options: { localOrder?: boolean } = {},
): ClaimState {
  const ordered = options.localOrder
    ? [...events].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
    : events
        .filter((e) => stampOf(e.id) !== undefined)
        .sort((a, b) => (stampOf(a.id) ?? 0) - (stampOf(b.id) ?? 0));
  let ownerId: string | null = null;
  let decidedBy: ClaimEvent | null = null;
  for (const event of ordered) {
    const next = apply(ownerId, event);
    if (next !== ownerId || event.kind === 'assign' || event.kind === 'unassign') decidedBy = event;
    ownerId = next;
  }
  const pending = options.localOrder ? [] : events.filter((e) => stampOf(e.id) === undefined).sort((a, b) => a.at - b.at);
  return { ownerId, pending, decidedBy };
}

function apply(ownerId: string | null, event: ClaimEvent): string | null {
  switch (event.kind) {
    case 'claim':
      return ownerId ?? event.actorId;
    case 'release':
      return ownerId === event.actorId ? null : ownerId;
    case 'assign':
      return event.assigneeId;
    case 'unassign':
      return null;
  }
}

/**
 * What a person needs to know about their own claims: one still waiting for the server, or one the
 * server received after someone else's, so the conversation went to them.
 */
export function claimViewFor(state: ClaimState, events: readonly ClaimEvent[], stampOf: (eventId: string) => number | undefined, memberId: string): { pendingMine: boolean; lostTo: string | null } {
  const pendingMine = state.pending.some((e) => e.actorId === memberId && e.kind === 'claim');
  const mine = events.filter((e) => e.actorId === memberId && stampOf(e.id) !== undefined).sort((a, b) => (stampOf(a.id) ?? 0) - (stampOf(b.id) ?? 0));
  const latest = mine[mine.length - 1];
  const lost = latest?.kind === 'claim' && state.ownerId !== null && state.ownerId !== memberId;
  return { pendingMine, lostTo: lost ? state.ownerId : null };
}
