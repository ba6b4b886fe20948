import type Database from 'better-sqlite3';
import type { Handlers } from '../api/dispatch';
import { createEntryRevisions } from './entry-revisions';

export function createEntryChangesHandlers(sqlite: Database.Database, workspaceId: string): Pick<Handlers, 'entries.history'> {
  const revisions = createEntryRevisions(sqlite);
  return {
    'entries.history': ({ entryId }) => revisions(workspaceId, entryId),
  };
}
