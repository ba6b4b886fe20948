import type { Role } from './workspace';

/** Who may give a conversation to someone else: managers and the owner. Everyone may take or free their own. */
export function canAssignOthers(role: Role): boolean {
  return role === 'owner' || role === 'manager';
}

/** Members with only `messages.send_gated` write into the outbox's `pending_approval`. */
export function sendsNeedApproval(role: Role): boolean {
  return role === 'gated_agent';
}

/** `messages.approve`: who may let a gated message go out. */
export function canApproveSends(role: Role): boolean {
  return role === 'owner' || role === 'manager';
}
