import type Database from 'better-sqlite3';
import type { OtherMailPage, OtherMailRow } from '../../../src-shared/api/email-display';
import { messageMatchQuery } from '../search/fts-query';

export type OtherMailCursor = OtherMailPage['nextCursor'];

const COLUMNS = `m.id, m.category, m.from_address AS fromAddress, m.from_name AS fromName, m.subject, m.occurred_at AS occurredAt`;
// Row values compare lexicographically: older mail, or same-instant mail further down the id order.
const BEFORE = `(:at IS NULL OR (m.occurred_at, m.id) < (:at, :id))`;
const SNIPPET_LENGTH = 160;

/**
 * The "Other mail" view, newest first by the message's date (sync goes newest first, so insertion order
 * is not date order), paged by cursor. Typed words are never FTS syntax.
 */
export function createOtherMailSearch(sqlite: Database.Database) {
  const recent = sqlite.prepare(`
    SELECT ${COLUMNS}, substr(m.body, 1, ${SNIPPET_LENGTH}) AS snippet
    FROM other_mail m
    WHERE m.workspace_id = :workspaceId AND ${BEFORE}
    ORDER BY m.occurred_at DESC, m.id DESC
    LIMIT :limit`);
  const matching = sqlite.prepare(`
    SELECT ${COLUMNS}, snippet(other_mail_fts, -1, '[[', ']]', '…', 12) AS snippet
    FROM other_mail_fts
    JOIN other_mail m ON m.seq = other_mail_fts.rowid
    WHERE other_mail_fts MATCH :match AND m.workspace_id = :workspaceId AND ${BEFORE}
    ORDER BY m.occurred_at DESC, m.id DESC
    LIMIT :limit`);

  /** With a blank `query` the newest mail; a query with no searchable word finds nothing. */
  return function searchOtherMail(workspaceId: string, query: string, limit = 50, before: OtherMailCursor = null): OtherMailPage {
    const page = { workspaceId, limit: limit + 1, at: before?.occurredAt ?? null, id: before?.id ?? null };
    let rows: OtherMailRow[];
    if (query.trim() === '') rows = recent.all(page) as OtherMailRow[];
    else {
      const match = messageMatchQuery(query);
      rows = match ? (matching.all({ ...page, match }) as OtherMailRow[]) : [];
    }
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { rows: rows.slice(0, limit), nextCursor: last ? { occurredAt: last.occurredAt, id: last.id } : null };
  };
}
