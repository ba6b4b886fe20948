import type Database from 'better-sqlite3';
import { messageMatchQuery } from './fts-query';

export interface PageCursor {
  occurredAt: number;
  id: string;
}

/**
 * Row values compare lexicographically: older rows, or same-instant rows further down the id order.
 * Statements given to `newestFirstPages` use it with the alias `m` and the `:at`/`:id` parameters.
 */
export const BEFORE_CURSOR = `(:at IS NULL OR (m.occurred_at, m.id) < (:at, :id))`;

/**
 * A list of the "Other" view (other mail, WhatsApp groups): newest first, paged by the last row's time
 * and id, all rows for a blank query, FTS matches otherwise, and typed words never FTS syntax. The
 * statements take `:workspaceId`, `:limit`, the cursor, and `:match` for `matching`.
 */
export function newestFirstPages<Row extends PageCursor>(recent: Database.Statement, matching: Database.Statement) {
  return (workspaceId: string, query: string, limit: number, before: PageCursor | null): { rows: Row[]; nextCursor: PageCursor | null } => {
    const page = { workspaceId, limit: limit + 1, at: before?.occurredAt ?? null, id: before?.id ?? null };
    let rows: Row[];
    if (query.trim() === '') rows = recent.all(page) as Row[];
    else {
      const match = messageMatchQuery(query);
      rows = match ? (matching.all({ ...page, match }) as Row[]) : [];
    }
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return { rows: rows.slice(0, limit), nextCursor: last ? { occurredAt: last.occurredAt, id: last.id } : null };
  };
}
