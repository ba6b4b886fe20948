import type Database from 'better-sqlite3';
import type { OtherWhatsAppRow } from '../../../src-shared/api/whatsapp-other';
import { BEFORE_CURSOR, newestFirstPages } from '../search/newest-first-pages';

const COLUMNS = `m.id, m.chat_jid AS chatJid, m.sender_jid AS senderJid, m.sender_name AS senderName,
  m.sender_phone AS senderPhone, m.direction, m.occurred_at AS occurredAt`;
const SNIPPET_LENGTH = 160;

/** WhatsApp's side of the "Other" view, paged and searched as other mail is. */
export function createOtherWhatsAppSearch(sqlite: Database.Database) {
  const pages = newestFirstPages<OtherWhatsAppRow>(
    sqlite.prepare(`
      SELECT ${COLUMNS}, substr(m.body, 1, ${SNIPPET_LENGTH}) AS snippet
      FROM other_whatsapp m
      WHERE m.workspace_id = :workspaceId AND ${BEFORE_CURSOR}
      ORDER BY m.occurred_at DESC, m.id DESC
      LIMIT :limit`),
    sqlite.prepare(`
      SELECT ${COLUMNS}, snippet(other_whatsapp_fts, 0, '[[', ']]', '…', 12) AS snippet
      FROM other_whatsapp_fts
      JOIN other_whatsapp m ON m.seq = other_whatsapp_fts.rowid
      WHERE other_whatsapp_fts MATCH :match AND m.workspace_id = :workspaceId AND ${BEFORE_CURSOR}
      ORDER BY m.occurred_at DESC, m.id DESC
      LIMIT :limit`),
  );
  return (workspaceId: string, query: string, limit = 50, before: Parameters<typeof pages>[3] = null) => pages(workspaceId, query, limit, before);
}
