import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src-main/channels/email/sync/backoff';

describe('reconnect backoff', () => {
  const policy = { firstMs: 1_000, maxMs: 60_000 };

  it('doubles from the first wait up to the cap', () => {
    const full = () => 0;
    expect([0, 1, 2, 3, 6, 7, 50].map((attempt) => backoffDelay(attempt, policy, full))).toEqual([
      1_000, 2_000, 4_000, 8_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('takes at most a fifth off at random, so clients spread out', () => {
    expect(backoffDelay(2, policy, () => 0.999)).toBe(3_201);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(3_600);
  });
});
