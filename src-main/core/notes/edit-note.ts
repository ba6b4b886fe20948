import { ApiError } from '../../../src-shared/api/result';
import type { TimelineEntry } from '../../../src-shared/domain/timeline';
import type { ConversationRollup } from '../conversations/conversation-rollup';
import { createEntryChanges } from '../entry-changes/apply-entry-changes';
import { getEntry } from '../entries/entry-repo';
import type { Store } from '../store/open-store';

/**
 * Notes are append-only: an edit is a new version, and the text it replaces stays as history that
 * everyone can open. Only the note's author edits it, so nobody puts words in a colleague's name.
 */
export function editNote(store: Store, rollup: ConversationRollup, workspaceId: string, editorId: string, input: { entryId: string; body: string }, now = Date.now()): TimelineEntry {
  const note = getEntry(store.db, input.entryId);
  if (!note || note.kind !== 'note') throw new ApiError('not_found', 'That note does not exist.');
  if (note.authorMemberId !== editorId) throw new ApiError('invalid_input', 'Only the person who wrote a note can edit it; add a note of your own instead.');
  if (note.body === input.body) return note;
  return store.sqlite.transaction(() => {
    createEntryChanges(store, rollup)(workspaceId, [{ kind: 'edit', targetIds: [note.id], body: input.body, at: now }]);
    const edited = getEntry(store.db, note.id);
    if (!edited) throw new Error(`Note ${note.id} vanished while being edited`);
    return edited;
  })();
}
