import type Database from 'better-sqlite3';

/**
 * Makes sure a contact and its conversation have rows, under ids another PC chose: an entry or a
 * change can reach this PC before the workspace document that names the contact, so the rows start
 * with a stand-in name that the document's record replaces when it arrives.
 */
export function prepareThreadRows(sqlite: Database.Database) {
  const contact = sqlite.prepare(
    'INSERT INTO contacts (id, workspace_id, display_name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  const conversation = sqlite.prepare(
    'INSERT INTO conversations (id, workspace_id, contact_id, last_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  return (workspaceId: string, thread: { contactId: string; conversationId: string; displayName?: string; at: number }): void => {
    contact.run(thread.contactId, workspaceId, thread.displayName ?? 'New contact', thread.at);
    conversation.run(thread.conversationId, workspaceId, thread.contactId, thread.at);
  };
}
