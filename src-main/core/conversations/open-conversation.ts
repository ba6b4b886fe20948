import { eq } from 'drizzle-orm';
import { ApiError } from '../../../src-shared/api/result';
import { conversations } from '../store/schema';
import type { StoreDb } from '../store/open-store';

/**
 * The conversation something is being written to, or a not-found error that says what was not done:
 * a conversation merged into another is gone for writing, though its entries live on in the survivor.
 */
export function openConversationFor(db: StoreDb, conversationId: string, notDone: string): { workspaceId: string; contactId: string } {
  const conversation = db
    .select({ workspaceId: conversations.workspaceId, contactId: conversations.contactId, status: conversations.status })
    .from(conversations)
    .where(eq(conversations.id, conversationId))
    .get();
  if (!conversation || conversation.status === 'merged') {
    throw new ApiError('not_found', `That conversation no longer exists; ${notDone}.`);
  }
  return conversation;
}
