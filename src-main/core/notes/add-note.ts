import type { TimelineEntry } from '../../../src-shared/domain/timeline';
import type { ConversationRollup } from '../conversations/conversation-rollup';
import { getEntry, insertEntry } from '../entries/entry-repo';
import type { Store } from '../store/open-store';
import { openConversationFor } from '../conversations/open-conversation';

export interface NoteInput {
  conversationId: string;
  clientId: string;
  body: string;
}

/**
 * The note's id comes from the client's ULID, so a submit repeated after a dropped connection returns
 * the note already saved instead of saving it twice.
 */
export function addNote(
  store: Store,
  rollup: ConversationRollup,
  authorMemberId: string,
  input: NoteInput,
  now = Date.now(),
): TimelineEntry {
  const { db } = store;
  const id = `note:${input.clientId}`;
  return db.transaction(() => {
    const existing = getEntry(db, id);
    if (existing) return existing;
    const conversation = openConversationFor(db, input.conversationId, 'the note was not saved');
    insertEntry(db, {
      id,
      workspaceId: conversation.workspaceId,
      conversationId: input.conversationId,
      originContactId: conversation.contactId,
      kind: 'note',
      channel: 'internal',
      direction: null,
      authorMemberId,
      subject: null,
      body: input.body,
      occurredAt: now,
      deliveryStatus: null,
      attachments: [],
    });
    const entry = getEntry(db, id);
    if (!entry) throw new Error(`Note ${id} vanished after insert`);
    rollup.applyEntry(entry);
    return entry;
  });
}
