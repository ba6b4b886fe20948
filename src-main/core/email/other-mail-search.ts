import type Database from 'better-sqlite3';
import { messageMatchQuery } from '../search/fts-query';

export interface OtherMailHit {
  id: string;
  category: 'list' | 'bulk' | 'automated';
  fromAddress: string | null;
  subject: string | null;
  occurredAt: number;
  snippet: string;
}

/** Newest first, the way the "Other" view lists mail; typed words are never FTS syntax. */
export function createOtherMailSearch(sqlite: Database.Database) {
  const statement = sqlite.prepare(`
    SELECT m.id, m.category, m.from_address AS fromAddress, m.subject, m.occurred_at AS occurredAt,
      snippet(other_mail_fts, -1, '[[', ']]', '…', 12) AS snippet
    FROM other_mail_fts
    JOIN other_mail m ON m.seq = other_mail_fts.rowid
    WHERE other_mail_fts MATCH :match AND m.workspace_id = :workspaceId
    ORDER BY other_mail_fts.rowid DESC
    LIMIT :limit`);

  return function searchOtherMail(workspaceId: string, query: string, limit = 50): OtherMailHit[] {
    const match = messageMatchQuery(query);
    return match ? (statement.all({ match, workspaceId, limit }) as OtherMailHit[]) : [];
  };
}
