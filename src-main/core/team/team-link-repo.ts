import { eq } from 'drizzle-orm';
import { teamLinks } from '../store/schema';
import type { Store } from '../store/open-store';
import type { SecretStore } from '../secrets/secret-store';

export interface TeamLink {
  workspaceId: string;
  teamWorkspaceId: string;
  serverUrl: string;
  memberId: string;
  token: string;
}

const tokenName = (workspaceId: string) => `sync-token:${workspaceId}`;

/**
 * The link is usable only with its token; a link whose token the keychain lost (another PC's data
 * folder copied over, a reset keychain) is reported rather than silently treated as no team.
 */
export function loadTeamLink(store: Store, secrets: SecretStore, workspaceId: string): TeamLink | null {
  const row = store.db.select().from(teamLinks).where(eq(teamLinks.workspaceId, workspaceId)).get();
  if (!row) return null;
  const token = secrets.get(tokenName(workspaceId));
  if (!token) throw new Error('This PC joined a team, but its keychain no longer holds the member token. Join again with a new invite code.');
  return { workspaceId, teamWorkspaceId: row.teamWorkspaceId, serverUrl: row.serverUrl, memberId: row.memberId, token };
}

export function saveTeamLink(store: Store, secrets: SecretStore, link: TeamLink, now = Date.now()): void {
  secrets.set(tokenName(link.workspaceId), link.token);
  store.db
    .insert(teamLinks)
    .values({ workspaceId: link.workspaceId, teamWorkspaceId: link.teamWorkspaceId, serverUrl: link.serverUrl, memberId: link.memberId, joinedAt: now })
    .onConflictDoUpdate({
      target: teamLinks.workspaceId,
      set: { teamWorkspaceId: link.teamWorkspaceId, serverUrl: link.serverUrl, memberId: link.memberId, joinedAt: now },
    })
    .run();
}
