import type Database from 'better-sqlite3';
import type { AttachmentMeta } from '../../../src-shared/domain/timeline';
import type { EntryRevision } from '../../../src-shared/domain/entry-revision';

/** An entry's earlier versions, oldest first: what an edit replaced and what a delete took away. */
export function entryRevisions(sqlite: Database.Database, entryId: string): EntryRevision[] {
  const rows = sqlite
    .prepare('SELECT reason, body, attachments, replaced_at AS replacedAt FROM entry_revisions WHERE entry_id = ? ORDER BY replaced_at, seq')
    .all(entryId) as Array<Omit<EntryRevision, 'attachments'> & { attachments: string }>;
  return rows.map((row) => ({ ...row, attachments: JSON.parse(row.attachments) as AttachmentMeta[] }));
}
