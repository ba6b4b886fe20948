import type { Role } from './workspace';

/** Who may give a conversation to someone else: managers and the owner. Everyone may take or free their own. */
export function canAssignOthers(role: Role): boolean {
  return role === 'owner' || role === 'manager';
}
