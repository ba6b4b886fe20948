import { monotonicFactory } from 'ulid';
import type { ClaimEvent, ClaimEventKind } from '../../../src-shared/sync/claims';
import { ApiError } from '../../../src-shared/api/result';
import { canAssignOthers } from '../../../src-shared/domain/permissions';
import type { Member } from '../../../src-shared/domain/workspace';
import type { ClaimLog } from './claim-log';

const nextId = monotonicFactory();

/**
 * Claims are appended, never edited: each action is a new event in the workspace document, and the
 * owner is whatever the log resolves to (see resolveClaims).
 */
export function createClaimActions(log: ClaimLog, me: Member, members: readonly Member[]) {
  const append = (conversationId: string, kind: ClaimEventKind, assigneeId: string | null) => {
    const event: ClaimEvent = { id: `clm_${nextId()}`, conversationId, kind, actorId: me.id, assigneeId, at: Date.now() };
    log.append(event);
    return log.resolve(conversationId);
  };

  return {
    view: (conversationId: string) => log.view(conversationId, me.id),
    claim: (conversationId: string) => append(conversationId, 'claim', null),
    release(conversationId: string) {
      if (log.resolve(conversationId).ownerId !== me.id) throw new ApiError('conflict', 'Only the person who has this conversation can release it.');
      return append(conversationId, 'release', null);
    },
    assign(conversationId: string, assigneeId: string | null) {
      if (!canAssignOthers(me.role) && assigneeId !== me.id) {
        throw new ApiError('invalid_input', 'Only a manager or the owner can give a conversation to someone else.');
      }
      if (assigneeId !== null && !members.some((m) => m.id === assigneeId)) throw new ApiError('not_found', 'No such team member.');
      return assigneeId === null ? append(conversationId, 'unassign', null) : append(conversationId, 'assign', assigneeId);
    },
  };
}

export type ClaimActions = ReturnType<typeof createClaimActions>;
