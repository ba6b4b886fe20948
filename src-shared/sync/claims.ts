/**
 * Claims and assignments: the rules that decide who has a conversation. PCs write claim events; the
 * sync-server stamps each with the order it received them in and folds it, in that order, into the
 * conversation's settled claim, so every replica agrees on the owner without keeping every event
 * forever (how they are kept in the claims document: claim-doc.ts).
 */
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

/** A conversation's claims after every stamped event, in stamp order. */
export interface SettledClaim {
  ownerId: string | null;
  /** The highest stamp folded in. */
  stamp: number;
  /**
   * Each member's latest stamped event here: it tells a member whose claim came second who won, and
   * keeps a PC from writing again an event the server already counted.
   */
  lastBy: Record<string, { eventId: string; kind: ClaimEventKind }>;
}

const KINDS: readonly ClaimEventKind[] = ['claim', 'release', 'assign', 'unassign'];

/**
 * How a settled claim is kept in the document: one JSON string. A workspace has one per conversation,
 * and Yjs decodes a string several times faster than a nested object (2c of bench:sync).
 */
export function encodeSettled(settled: SettledClaim): string {
  return JSON.stringify([settled.ownerId, settled.stamp, Object.entries(settled.lastBy).map(([memberId, last]) => [memberId, last.kind, last.eventId])]);
}

/** The settled claim a document holds, or undefined when there is none or it is not one. */
export function decodeSettled(value: unknown): SettledClaim | undefined {
  if (typeof value !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return undefined;
  const [ownerId, stamp, lasts] = parsed as unknown[];
  if ((ownerId !== null && typeof ownerId !== 'string') || typeof stamp !== 'number' || !Array.isArray(lasts)) return undefined;
  const lastBy: SettledClaim['lastBy'] = {};
  for (const last of lasts as unknown[]) {
    if (!Array.isArray(last) || typeof last[0] !== 'string' || !KINDS.includes(last[1]) || typeof last[2] !== 'string') return undefined;
    lastBy[last[0]] = { kind: last[1] as ClaimEventKind, eventId: last[2] };
  }
  return { ownerId, stamp, lastBy };
}

export interface ClaimState {
  ownerId: string | null;
  /** Events not yet stamped by the server, in the author's order: shown as pending. */
  pending: ClaimEvent[];
}

/** Applies one stamped event: what the server writes, and what a PC with no server computes itself. */
export function foldClaim(settled: SettledClaim | undefined, event: ClaimEvent, stamp: number): SettledClaim {
  return {
    ownerId: nextOwner(settled?.ownerId ?? null, event),
    stamp,
    lastBy: { ...settled?.lastBy, [event.actorId]: { eventId: event.id, kind: event.kind } },
  };
}

/**
 * The owner is the settled one: unstamped events never change it, so a laptop that was offline since
 * morning cannot take a conversation from the person answering it. With no server (one PC) local
 * order rules: pass `localOrder` and the events count in their `at` order.
 */
export function resolveClaims(
  settled: SettledClaim | undefined,
  events: readonly ClaimEvent[],
  stampOf: (eventId: string) => number | undefined,
  options: { localOrder?: boolean } = {},
): ClaimState {
  if (options.localOrder) {
    const ordered = [...events].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    return { ownerId: ordered.reduce((owner, event) => nextOwner(owner, event), settled?.ownerId ?? null), pending: [] };
  }
  const pending = events.filter((e) => stampOf(e.id) === undefined).sort((a, b) => a.at - b.at);
  return { ownerId: settled?.ownerId ?? null, pending };
}

function nextOwner(ownerId: string | null, event: ClaimEvent): string | null {
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
export function claimViewFor(state: ClaimState, settled: SettledClaim | undefined, memberId: string): { pendingMine: boolean; lostTo: string | null } {
  const pendingMine = state.pending.some((e) => e.actorId === memberId && e.kind === 'claim');
  const lost = settled?.lastBy[memberId]?.kind === 'claim' && state.ownerId !== null && state.ownerId !== memberId;
  return { pendingMine, lostTo: lost ? state.ownerId : null };
}

/**
 * For the author's PC: whether the server already counted this event, or a later one by the same
 * member on this conversation (one PC's events reach the server in the order they were written).
 */
export function alreadyFolded(settled: SettledClaim | undefined, event: ClaimEvent): boolean {
  const last = settled?.lastBy[event.actorId];
  return last !== undefined && last.eventId >= event.id;
}
