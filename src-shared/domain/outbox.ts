/** The outbox lifecycle of DESIGN.md; an outbound entry's delivery status is its item's state. */
export const OUTBOX_STATES = ['pending_approval', 'queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'unknown'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/**
 * Every legal move. `sending` is left only by the executor's verdict, or for `unknown` when it died
 * mid-send; `unknown` only by a person's decision, because sending it again could reach the customer
 * twice.
 */
const TRANSITIONS: Record<OutboxState, readonly OutboxState[]> = {
  pending_approval: ['queued'],
  queued: ['sending'],
  sending: ['sent', 'failed', 'unknown'],
  sent: ['delivered', 'read', 'failed'],
  delivered: ['read'],
  read: [],
  failed: ['queued'],
  unknown: ['sent', 'failed'],
};

export function canMove(from: OutboxState, to: OutboxState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** What an outbound entry shows about its outbox item, and what a person can do about it. */
export interface OutboxStatus {
  itemId: string;
  state: OutboxState;
  attempts: number;
  lastError: string | null;
  /** Set while the item can only wait: nothing is configured that could send it yet. */
  waitingFor: 'email_account' | null;
}
