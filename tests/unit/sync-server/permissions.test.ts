import { describe, expect, it } from 'vitest';
import { canInvite, canRemove } from '../../../sync-server/auth/permissions';

describe('who may invite and remove whom', () => {
  it('lets owners invite anyone and managers anyone but an owner; agents nobody', () => {
    expect(canInvite('owner', 'owner')).toBe(true);
    expect(canInvite('manager', 'manager')).toBe(true);
    expect(canInvite('manager', 'gated_agent')).toBe(true);
    expect(canInvite('manager', 'owner')).toBe(false);
    expect(canInvite('agent', 'agent')).toBe(false);
    expect(canInvite('gated_agent', 'gated_agent')).toBe(false);
  });

  it('lets owners remove anyone else and managers only agents; nobody themselves', () => {
    const owner = { id: 'o', role: 'owner' as const };
    const manager = { id: 'm', role: 'manager' as const };
    const agent = { id: 'a', role: 'agent' as const };
    expect(canRemove(owner, manager)).toBe(true);
    expect(canRemove(owner, { id: 'o2', role: 'owner' })).toBe(true);
    expect(canRemove(owner, owner)).toBe(false);
    expect(canRemove(manager, agent)).toBe(true);
    expect(canRemove(manager, { id: 'g', role: 'gated_agent' })).toBe(true);
    expect(canRemove(manager, { id: 'm2', role: 'manager' })).toBe(false);
    expect(canRemove(manager, owner)).toBe(false);
    expect(canRemove(agent, { id: 'a2', role: 'agent' })).toBe(false);
  });
});
