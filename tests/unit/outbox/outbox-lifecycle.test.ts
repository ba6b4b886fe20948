import { describe, expect, it } from 'vitest';
import { canMove, OUTBOX_STATES, type OutboxState } from '../../../src-shared/domain/outbox';
import { canApproveSends, sendsNeedApproval } from '../../../src-shared/domain/permissions';
import { ROLES } from '../../../src-shared/domain/workspace';

const legal = (from: OutboxState) => OUTBOX_STATES.filter((to) => canMove(from, to));

describe('the outbox lifecycle', () => {
  it('allows exactly the moves of DESIGN.md', () => {
    expect(Object.fromEntries(OUTBOX_STATES.map((from) => [from, legal(from)]))).toEqual({
      pending_approval: ['queued'],
      queued: ['sending'],
      sending: ['sent', 'failed', 'unknown'],
      sent: ['delivered', 'read', 'failed'],
      delivered: ['read'],
      read: [],
      failed: ['queued'],
      unknown: ['sent', 'failed'],
    });
  });

  it('never sends an unknown item again, and never skips approval or the sending mark', () => {
    expect(canMove('unknown', 'queued')).toBe(false);
    expect(canMove('unknown', 'sending')).toBe(false);
    expect(canMove('pending_approval', 'sending')).toBe(false);
    expect(canMove('queued', 'sent')).toBe(false);
    expect(canMove('sent', 'queued')).toBe(false);
  });

  it('gates the gated agent, and lets only owner and managers approve', () => {
    expect(ROLES.filter(sendsNeedApproval)).toEqual(['gated_agent']);
    expect(ROLES.filter(canApproveSends)).toEqual(['owner', 'manager']);
  });
});
