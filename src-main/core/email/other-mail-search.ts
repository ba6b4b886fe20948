import type Database from 'better-sqlite3';
import type { OtherMailPage, OtherMailRow } from '../../../src-shared/api/email-display';
import { BEFORE_CURSOR, newestFirstPages } from '../search/newest-first-pages';

export type OtherMailCursor = OtherMailPage['nextCursor'];

const COLUMNS = `m.id, m.category, m.from_address AS fromAddress, m.from_name AS fromName, m.subject, m.occurred_at AS occurredAt`;
const SNIPPET_LENGTH = 160;

/**
 * The "Other mail" view, newest first by the message's date (sync goes newest first, so insertion order
 * is not date order), paged by cursor. Typed words are never FTS syntax.
 */
export function createOtherMailSearch(sqlite: Database.Database) {
  const pages = newestFirstPages<OtherMailRow>(
    sqlite.prepare(`
      SELECT ${COLUMNS}, substr(m.body, 1, ${SNIPPET_LENGTH}) AS snippet
      FROM other_mail m
      WHERE m.workspace_id = :workspaceId AND ${BEFORE_CURSOR}
      ORDER BY m.occurred_at DESC, m.id DESC
      LIMIT :limit`),
    sqlite.prepare(`
      SELECT ${COLUMNS}, snippet(other_mail_fts, -1, '[[', ']]', '…', 12) AS snippet
      FROM other_mail_fts
      JOIN other_mail m ON m.seq = other_mail_fts.rowid
      WHERE other_mail_fts MATCH :match AND m.workspace_id = :workspaceId AND ${BEFORE_CURSOR}
      ORDER BY m.occurred_at DESC, m.id DESC
      LIMIT :limit`),
  );

  /** With a blank `query` the newest mail; a query with no searchable word finds nothing. */
  return function searchOtherMail(workspaceId: string, query: string, limit = 50, before: OtherMailCursor = null): OtherMailPage {
    return pages(workspaceId, query, limit, before);
  };
}
