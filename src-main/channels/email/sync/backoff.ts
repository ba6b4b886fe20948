export interface BackoffPolicy {
  firstMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { firstMs: 1_000, maxMs: 5 * 60_000 };

/**
 * Wait before reconnect attempt `attempt` (0 for the first): doubling up to a cap, with up to a fifth
 * taken off at random so that the PCs of a shop do not all hammer a recovering server at once.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random = Math.random): number {
  const full = Math.min(policy.maxMs, policy.firstMs * 2 ** Math.min(attempt, 30));
  return Math.round(full * (1 - 0.2 * random()));
}
