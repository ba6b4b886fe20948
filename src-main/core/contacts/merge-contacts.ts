import { and, eq, inArray, sql } from 'drizzle-orm';
import { ApiError } from '../../../src-shared/api/result';
import type { ConversationRollup } from '../conversations/conversation-rollup';
import { newId } from '../ids';
import { requireConversationOfContact } from './contact-repo';
import { contacts, conversations, entries, identities, merges } from '../store/schema';
import type { StoreDb } from '../store/open-store';

/**
 * A merge moves the merged contact's identities and entries to the survivor and hides its
 * conversation; nothing is deleted, and the merge row records what moved so it can be undone.
 */
export function mergeContacts(
  db: StoreDb,
  rollup: ConversationRollup,
  survivorId: string,
  mergedId: string,
  now = Date.now(),
): { mergeId: string; conversationIds: string[] } {
  if (survivorId === mergedId) throw new ApiError('invalid_input', 'A contact cannot be merged into itself.');
  return db.transaction(() => {
    const survivor = activeContact(db, survivorId);
    const merged = activeContact(db, mergedId);
    if (survivor.workspaceId !== merged.workspaceId) throw new ApiError('invalid_input', 'Those contacts are in different workspaces.');
    const survivorConv = requireConversationOfContact(db, survivorId);
    const mergedConv = requireConversationOfContact(db, mergedId);
    const moved = db.select({ id: identities.id }).from(identities).where(eq(identities.contactId, mergedId)).all().map((r) => r.id);
    if (moved.length > 0) db.update(identities).set({ contactId: survivorId }).where(inArray(identities.id, moved)).run();
    db.update(entries).set({ conversationId: survivorConv }).where(eq(entries.conversationId, mergedConv)).run();
    db.update(contacts).set({ mergedInto: survivorId }).where(eq(contacts.id, mergedId)).run();
    db.update(conversations).set({ status: 'merged' }).where(eq(conversations.id, mergedConv)).run();
    rollup.recompute(survivorConv);
    rollup.recompute(mergedConv);
    const mergeId = newId('mg');
    db.insert(merges)
      .values({ id: mergeId, workspaceId: survivor.workspaceId, survivorId, mergedId, movedIdentityIds: moved, createdAt: now })
      .run();
    return { mergeId, conversationIds: [survivorConv, mergedConv] };
  });
}

/**
 * Sends back what the merge moved: the merged contact's identities, and every entry that came in
 * through that contact. Notes written on the joined thread stay with the survivor.
 */
export function undoMerge(
  db: StoreDb,
  rollup: ConversationRollup,
  mergeId: string,
  now = Date.now(),
): { survivorId: string; restoredId: string; conversationIds: string[] } {
  return db.transaction(() => {
    const merge = db.select().from(merges).where(eq(merges.id, mergeId)).get();
    if (!merge) throw new ApiError('not_found', 'No such merge.');
    if (merge.undoneAt !== null) throw new ApiError('conflict', 'That merge was already undone.');
    const survivor = db.select().from(contacts).where(eq(contacts.id, merge.survivorId)).get();
    if (survivor?.mergedInto) {
      throw new ApiError('conflict', `${survivor.displayName} was merged again since; undo that merge first.`);
    }
    const survivorConv = requireConversationOfContact(db, merge.survivorId);
    const restoredConv = requireConversationOfContact(db, merge.mergedId);
    if (merge.movedIdentityIds.length > 0) {
      db.update(identities).set({ contactId: merge.mergedId }).where(inArray(identities.id, merge.movedIdentityIds)).run();
    }
    db.update(entries)
      .set({ conversationId: restoredConv })
      .where(and(eq(entries.conversationId, survivorConv), eq(entries.originContactId, merge.mergedId)))
      .run();
    db.update(contacts).set({ mergedInto: null }).where(eq(contacts.id, merge.mergedId)).run();
    // What was read on the joined thread stays read once the threads part again.
    db.update(conversations)
      .set({ status: 'open', readUpTo: sql`max(${conversations.readUpTo}, (SELECT read_up_to FROM conversations WHERE id = ${survivorConv}))` })
      .where(eq(conversations.id, restoredConv))
      .run();
    db.update(merges).set({ undoneAt: now }).where(eq(merges.id, mergeId)).run();
    rollup.recompute(survivorConv);
    rollup.recompute(restoredConv);
    return { survivorId: merge.survivorId, restoredId: merge.mergedId, conversationIds: [survivorConv, restoredConv] };
  });
}

function activeContact(db: StoreDb, contactId: string) {
  const row = db.select().from(contacts).where(eq(contacts.id, contactId)).get();
  if (!row) throw new ApiError('not_found', `No contact ${contactId}.`);
  if (row.mergedInto) throw new ApiError('conflict', `${row.displayName} is already merged into another contact.`);
  return row;
}
