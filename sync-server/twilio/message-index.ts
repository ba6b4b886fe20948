import type { ServerDb } from '../store/server-db';

/** Where a Twilio message or call is shown: its timeline entry, the month document, and its outbox item if we sent it. */
export interface MessageLocation {
  entryId: string;
  month: string;
  outboxItemId: string | null;
}

export function rememberLocation(db: ServerDb, workspaceId: string, sid: string, location: MessageLocation): void {
  db.prepare(
    'INSERT INTO twilio_messages (workspace_id, message_sid, entry_id, month, outbox_item_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  ).run(workspaceId, sid, location.entryId, location.month, location.outboxItemId);
}

export function findLocation(db: ServerDb, workspaceId: string, sid: string): MessageLocation | null {
  const row = db
    .prepare<[string, string], { entry_id: string; month: string; outbox_item_id: string | null }>(
      'SELECT entry_id, month, outbox_item_id FROM twilio_messages WHERE workspace_id = ? AND message_sid = ?',
    )
    .get(workspaceId, sid);
  return row ? { entryId: row.entry_id, month: row.month, outboxItemId: row.outbox_item_id } : null;
}
