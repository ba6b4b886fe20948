import type Database from 'better-sqlite3';
import type { ConversationList } from '../../../src-shared/api/requests';
import type { ConversationSummary, InboxCounts, InboxFilter } from '../../../src-shared/domain/conversation';

/**
 * The hot reads of the inbox, as prepared statements. Every filter repeats `status = 'open'` and its
 * own condition as literals, because SQLite uses a partial index only when the query's WHERE implies
 * the index's WHERE, and a bound parameter never does.
 */
const SUMMARY_COLUMNS = `
  cv.id AS id, cv.contact_id AS contactId, ct.display_name AS contactName, cv.preview AS preview,
  cv.last_at AS lastAt, cv.last_channel AS lastChannel, cv.last_direction AS lastDirection,
  cv.unread_count AS unreadCount, cv.needs_response AS needsResponse, cv.assignee_id AS assigneeId`;

const FILTER_CONDITIONS: Record<InboxFilter, { index: string; where: string }> = {
  all: { index: 'conversations_open_recent', where: `cv.status = 'open'` },
  mine: { index: 'conversations_open_assignee', where: `cv.status = 'open' AND cv.assignee_id = :me` },
  unassigned: { index: 'conversations_open_assignee', where: `cv.status = 'open' AND cv.assignee_id IS NULL` },
  unread: { index: 'conversations_open_unread', where: `cv.status = 'open' AND cv.unread_count > 0` },
  needs_response: {
    index: 'conversations_open_needs_response',
    where: `cv.status = 'open' AND cv.needs_response = 1`,
  },
};

export function listSql(filter: InboxFilter): string {
  return `
    SELECT ${SUMMARY_COLUMNS}
    FROM conversations cv INDEXED BY ${FILTER_CONDITIONS[filter].index}
    JOIN contacts ct ON ct.id = cv.contact_id
    WHERE cv.workspace_id = :workspaceId AND ${FILTER_CONDITIONS[filter].where}
      AND (cv.last_at, cv.id) < (:beforeAt, :beforeId)
    ORDER BY cv.last_at DESC, cv.id DESC
    LIMIT :limit`;
}

export const COUNTS_SQL = `
  SELECT bucket, member_id AS memberId, n FROM inbox_counts
  WHERE workspace_id = :workspaceId AND (member_id = '' OR (bucket = 'assigned' AND member_id = :me))`;

interface SummaryRow extends Omit<ConversationSummary, 'needsResponse'> {
  needsResponse: number;
}

export function toSummary(row: SummaryRow): ConversationSummary {
  return { ...row, needsResponse: row.needsResponse === 1 };
}

export function createInboxQueries(sqlite: Database.Database) {
  const lists = Object.fromEntries(
    Object.keys(FILTER_CONDITIONS).map((filter) => [filter, sqlite.prepare(listSql(filter as InboxFilter))]),
  ) as Record<InboxFilter, Database.Statement>;
  const counts = sqlite.prepare(COUNTS_SQL);
  const summary = sqlite.prepare(`
    SELECT ${SUMMARY_COLUMNS} FROM conversations cv JOIN contacts ct ON ct.id = cv.contact_id WHERE cv.id = ?`);

  function inboxCounts(workspaceId: string, me: string): InboxCounts {
    const result: InboxCounts = { all: 0, mine: 0, unassigned: 0, unread: 0, needs_response: 0 };
    for (const row of counts.all({ workspaceId, me }) as Array<{ bucket: string; n: number }>) {
      if (row.bucket === 'open') result.all = row.n;
      else if (row.bucket === 'assigned') result.mine = row.n;
      else if (row.bucket in result) result[row.bucket as InboxFilter] = row.n;
    }
    return result;
  }

  return {
    list(
      workspaceId: string,
      me: string,
      filter: InboxFilter,
      limit: number,
      before: { lastAt: number; id: string } | null,
    ): ConversationList {
      const rows = (
        lists[filter].all({
          workspaceId,
          me,
          beforeAt: before?.lastAt ?? Number.MAX_SAFE_INTEGER,
          beforeId: before?.id ?? '\uffff',
          limit,
        }) as SummaryRow[]
      ).map(toSummary);
      const last = rows[rows.length - 1];
      return {
        rows,
        counts: inboxCounts(workspaceId, me),
        nextCursor: rows.length === limit && last ? { lastAt: last.lastAt, id: last.id } : null,
      };
    },
    counts: inboxCounts,
    summary(conversationId: string): ConversationSummary | null {
      const row = summary.get(conversationId) as SummaryRow | undefined;
      return row ? toSummary(row) : null;
    },
  };
}

export type InboxQueries = ReturnType<typeof createInboxQueries>;
