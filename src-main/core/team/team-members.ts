import type Database from 'better-sqlite3';
import type { TeamMember } from './team-server-client';

/**
 * Makes the local member list the team's: every member the server lists is there under the server's
 * id (claims name members by id on every PC), and this PC's person is the member the invite made.
 * Members no longer listed stay as rows, so old notes and claims keep a name; the PC's own member from
 * before joining is dropped when nothing refers to it, so a fresh PC lists only the team.
 */
export function adoptTeamMembers(sqlite: Database.Database, workspaceId: string, members: readonly TeamMember[], selfId: string | null): void {
  const upsert = sqlite.prepare(`
    INSERT INTO members (id, workspace_id, name, role, is_self) VALUES (?, ?, ?, ?, 0)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role`);
  const clearSelf = sqlite.prepare('UPDATE members SET is_self = 0 WHERE workspace_id = ?');
  const markSelf = sqlite.prepare('UPDATE members SET is_self = 1 WHERE id = ?');
  const dropUnused = sqlite.prepare(`
    DELETE FROM members WHERE workspace_id = ? AND is_self = 1 AND id != ?
      AND NOT EXISTS (SELECT 1 FROM entries WHERE author_member_id = members.id)
      AND NOT EXISTS (SELECT 1 FROM conversations WHERE assignee_id = members.id)`);
  sqlite.transaction(() => {
    for (const member of members) upsert.run(member.id, workspaceId, member.name, member.role);
    if (selfId === null) return;
    dropUnused.run(workspaceId, selfId);
    clearSelf.run(workspaceId);
    markSelf.run(selfId);
  })();
}
