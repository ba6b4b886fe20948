import type Database from 'better-sqlite3';
import type { SearchHit } from '../../../src-shared/api/requests';
import type { InboxQueries } from '../conversations/inbox-queries';
import { contactMatchQuery, messageMatchQuery } from './fts-query';

export const CONTACT_SEARCH_SQL = `
  SELECT cv.id AS conversationId
  FROM contacts_fts f
  JOIN contacts ct ON ct.seq = f.rowid
  JOIN conversations cv ON cv.contact_id = ct.id
  WHERE contacts_fts MATCH :match AND ct.workspace_id = :workspaceId AND cv.status != 'merged'
  ORDER BY cv.last_at DESC
  LIMIT :limit`;

/** Newest first: FTS5 walks its rowids backwards, and `seq` follows arrival. */
export const MESSAGE_SEARCH_SQL = `
  SELECT e.id AS entryId, e.conversation_id AS conversationId,
    snippet(entries_fts, -1, '[[', ']]', '…', 12) AS snippet
  FROM entries_fts
  JOIN entries e ON e.seq = entries_fts.rowid
  WHERE entries_fts MATCH :match AND e.workspace_id = :workspaceId
  ORDER BY entries_fts.rowid DESC
  LIMIT :limit`;

export function createSearch(sqlite: Database.Database, inbox: InboxQueries) {
  const contactSearch = sqlite.prepare(CONTACT_SEARCH_SQL);
  const messageSearch = sqlite.prepare(MESSAGE_SEARCH_SQL);

  /** Contacts first (a name or number is what people look up most), then messages, one hit per conversation. */
  return function search(workspaceId: string, query: string, limit: number): SearchHit[] {
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    const add = (conversationId: string, snippet: string | null, entryId: string | null) => {
      if (seen.has(conversationId) || hits.length >= limit) return;
      const conversation = inbox.summary(conversationId);
      if (!conversation) return;
      seen.add(conversationId);
      hits.push({ conversation, snippet, entryId });
    };
    const contactMatch = contactMatchQuery(query);
    if (contactMatch) {
      for (const row of contactSearch.all({ match: contactMatch, workspaceId, limit }) as Array<{ conversationId: string }>) {
        add(row.conversationId, null, null);
      }
    }
    const messageMatch = messageMatchQuery(query);
    if (messageMatch) {
      const rows = messageSearch.all({ match: messageMatch, workspaceId, limit: limit * 4 }) as Array<{
        entryId: string;
        conversationId: string;
        snippet: string;
      }>;
      for (const row of rows) add(row.conversationId, row.snippet, row.entryId);
    }
    return hits;
  };
}
