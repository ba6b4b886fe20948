import type { Role } from '../../src-shared/domain/workspace';

const RANK: Record<Role, number> = { owner: 3, manager: 2, agent: 1, gated_agent: 0 };

/** Owners may invite anyone; managers anyone but an owner, so no one can hand out more power than they hold. */
export function canInvite(actor: Role, invited: Role): boolean {
  if (actor === 'owner') return true;
  return actor === 'manager' && RANK[invited] <= RANK.manager;
}

/** Owners may remove anyone else; managers only agents. Nobody removes themselves through this door. */
export function canRemove(actor: { id: string; role: Role }, target: { id: string; role: Role }): boolean {
  if (actor.id === target.id) return false;
  if (actor.role === 'owner') return true;
  return actor.role === 'manager' && RANK[target.role] < RANK.manager;
}
