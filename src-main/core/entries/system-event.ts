import { ulid } from 'ulid';
import type { ConversationRollup } from '../conversations/conversation-rollup';
import { insertEntry } from './entry-repo';
import type { StoreDb } from '../store/open-store';

/** A line in the timeline about the conversation itself (assignment, job status), never sent to anyone. */
export function addSystemEvent(
  db: StoreDb,
  rollup: ConversationRollup,
  target: { workspaceId: string; conversationId: string; contactId: string },
  body: string,
  at: number,
  /** A caller that may record the same event twice (a resync) passes an id derived from its source. */
  id = `sys:${ulid(at)}`,
): boolean {
  const entry = {
    id,
    workspaceId: target.workspaceId,
    conversationId: target.conversationId,
    originContactId: target.contactId,
    kind: 'system' as const,
    channel: 'internal' as const,
    direction: null,
    subject: null,
    body,
    occurredAt: at,
    deliveryStatus: null,
    attachments: [],
  };
  if (!insertEntry(db, entry)) return false;
  rollup.applyEntry({ ...entry, call: null });
  return true;
}
