import type Database from 'better-sqlite3';
import type { EntryRevision } from '../../../src-shared/domain/entry-revision';
import type { AttachmentMeta } from '../../../src-shared/domain/timeline';

/** An entry's earlier versions, oldest first: what an edit replaced and what a delete took away. */
export function createEntryRevisions(sqlite: Database.Database) {
  const select = sqlite.prepare(`
    SELECT r.reason, r.body, r.attachments, r.replaced_at AS replacedAt
    FROM entry_revisions r JOIN entries e ON e.id = r.entry_id
    WHERE r.entry_id = ? AND e.workspace_id = ?
    ORDER BY r.replaced_at, r.seq`);
  return (workspaceId: string, entryId: string): EntryRevision[] =>
    (select.all(entryId, workspaceId) as Array<Omit<EntryRevision, 'attachments'> & { attachments: string }>).map((row) => ({
      ...row,
      attachments: JSON.parse(row.attachments) as AttachmentMeta[],
    }));
}

