import { ApiError } from '../../../src-shared/api/result';
import type { Member } from '../../../src-shared/domain/workspace';
import { createContact, requireConversationOfContact } from '../contacts/contact-repo';
import type { ConversationRollup } from '../conversations/conversation-rollup';
import { getEntry } from '../entries/entry-repo';
import { createEntryChanges } from '../entry-changes/apply-entry-changes';
import type { Store } from '../store/open-store';
import { sharedTimelineOf } from '../sync/shared-timeline';

/**
 * What a person does with a call after it was filed: mark a missed call or voicemail resolved (it
 * stops holding the thread unread), or move it to the right customer, or to a thread of its own,
 * when the number led to the wrong one. Both are entry changes, so every PC applies them.
 */
export function createCallActions(store: Store, rollup: ConversationRollup, workspaceId: string, me: Member) {
  const apply = createEntryChanges(store, rollup);

  const callOf = (entryId: string) => {
    const entry = getEntry(store.db, entryId);
    if (!entry || entry.kind !== 'call') throw new ApiError('not_found', 'That call does not exist.');
    return entry;
  };

  return {
    resolve(entryId: string, now = Date.now()): { conversationIds: string[] } {
      const call = callOf(entryId);
      if (call.call?.outcome !== 'missed' && call.call?.outcome !== 'voicemail') throw new ApiError('invalid_input', 'Only a missed call or a voicemail is marked resolved.');
      return apply(workspaceId, [{ kind: 'resolve', targetIds: [entryId], at: now }]);
    },

    /** `toContactId` null: the call gets a thread of its own, named by the number it came from. */
    move(entryId: string, toContactId: string | null, reason: string | null, now = Date.now()): { conversationIds: string[] } {
      const call = callOf(entryId);
      return store.sqlite.transaction(() => {
        const to = toContactId ? { contactId: toContactId, conversationId: requireConversationOfContact(store.db, toContactId) } : ownThread(call.call?.from ?? null, now);
        if (to.conversationId === call.conversationId) throw new ApiError('invalid_input', 'The call is already in that thread.');
        const result = apply(workspaceId, [{ kind: 'move', targetIds: [entryId], toConversationId: to.conversationId, toContactId: to.contactId, by: me.id, reason, at: now }]);
        return { conversationIds: [call.conversationId, to.conversationId, ...result.conversationIds] };
      })();
    },
  };

  function ownThread(from: string | null, now: number): { contactId: string; conversationId: string } {
    const displayName = from ? `Caller ${from}` : 'Unknown caller';
    const ids = createContact(store.db, workspaceId, { displayName, identities: [] }, now);
    sharedTimelineOf(store.sqlite)?.shareContact({ id: ids.contactId, conversationId: ids.conversationId, displayName, createdAt: now });
    return ids;
  }
}
