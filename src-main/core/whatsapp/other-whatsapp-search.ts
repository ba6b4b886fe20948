import type Database from 'better-sqlite3';
import type { OtherWhatsAppPage, OtherWhatsAppRow } from '../../../src-shared/api/whatsapp-other';
import { messageMatchQuery } from '../search/fts-query';

const COLUMNS = `m.id, m.chat_jid AS chatJid, m.sender_jid AS senderJid, m.sender_name AS senderName,
  m.sender_phone AS senderPhone, m.direction, m.occurred_at AS occurredAt`;
const BEFORE = `(:at IS NULL OR (m.occurred_at, m.id) < (:at, :id))`;
const SNIPPET_LENGTH = 160;

/**
 * WhatsApp's side of the "Other" view, shaped as `createOtherMailSearch` is: newest first by the
 * message's time, paged by cursor, and typed words are never FTS syntax.
 */
export function createOtherWhatsAppSearch(sqlite: Database.Database) {
  const recent = sqlite.prepare(`
    SELECT ${COLUMNS}, substr(m.body, 1, ${SNIPPET_LENGTH}) AS snippet
    FROM other_whatsapp m
    WHERE m.workspace_id = :workspaceId AND ${BEFORE}
    ORDER BY m.occurred_at DESC, m.id DESC
    LIMIT :limit`);
  const matching = sqlite.prepare(`
    SELECT ${COLUMNS}, snippet(other_whatsapp_fts, 0, '[[', ']]', '…', 12) AS snippet
    FROM other_whatsapp_fts
    JOIN other_whatsapp m ON m.seq = other_whatsapp_fts.rowid
    WHERE other_whatsapp_fts MATCH :match AND m.workspace_id = :workspaceId AND ${BEFORE}
    ORDER BY m.occurred_at DESC, m.id DESC
    LIMIT :limit`);

  return function searchOtherWhatsApp(workspaceId: string, query: string, limit = 50, before: OtherWhatsAppPage['nextCursor'] = null): OtherWhatsAppPage {
    const page = { workspaceId, limit: limit + 1, at: before?.occurredAt ?? null, id: before?.id ?? null };
    let rows: OtherWhatsAppRow[];
    if (query.trim() === '') rows = recent.all(page) as OtherWhatsAppRow[];
    else {
      const match = messageMatchQuery(query);
      rows = match ? (matching.all({ ...page, match }) as OtherWhatsAppRow[]) : [];
    }
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { rows: rows.slice(0, limit), nextCursor: last ? { occurredAt: last.occurredAt, id: last.id } : null };
  };
}
