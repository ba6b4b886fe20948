import type * as Y from 'yjs';
import { membersOf } from '../../src-shared/sync/workspace-doc';
import { listActiveMembers } from '../auth/members';
import type { ServerDb } from '../store/server-db';

/**
 * Writes the workspace's member list into its workspace document, the way every PC learns who is on
 * the team (to assign, and to name the author of a note) without asking the server. Members no
 * longer active are kept, marked removed.
 */
export function publishMembers(db: ServerDb, workspaceId: string, doc: Y.Doc): void {
  const listed = membersOf(doc);
  const active = listActiveMembers(db, workspaceId);
  doc.transact(() => {
    for (const { id, name, role } of active) {
      const current = listed.get(id);
      if (!current || current.name !== name || current.role !== role || current.removed) listed.set(id, { id, name, role, removed: false });
    }
    for (const [id, record] of listed) {
      if (!record.removed && !active.some((m) => m.id === id)) listed.set(id, { ...record, removed: true });
    }
  });
}
