import { ApiError } from '../../../src-shared/api/result';
import { roomName } from '../../../src-shared/sync/rooms';
import type { SecretStore } from '../secrets/secret-store';
import type { Store } from '../store/open-store';
import { adoptTeamMembers } from './team-members';
import { loadTeamLink, saveTeamLink, type TeamLink } from './team-link-repo';
import { teamServerClient } from './team-server-client';

export interface JoinRequest {
  serverUrl: string;
  code: string;
  /** How the team will see this person. */
  name: string;
}

/**
 * Joins this PC's workspace to a team: redeems the invite, takes the member list, and renames the
 * local document logs to the team's rooms, so whatever this PC holds (contacts, timeline, claims)
 * is merged into the team's documents on the first connect. The running core must be restarted to
 * use the link.
 */
export async function joinTeam(store: Store, secrets: SecretStore, workspaceId: string, request: JoinRequest): Promise<TeamLink> {
  if (loadTeamLink(store, secrets, workspaceId)) throw new ApiError('conflict', 'This PC is already part of a team.');
  if (secrets.unavailableReason) throw new ApiError('conflict', secrets.unavailableReason);
  const client = teamServerClient(request.serverUrl);
  const redeemed = await client.redeem(request.code.trim(), request.name.trim());
  const members = await client.members(redeemed.workspaceId, redeemed.token);
  const link: TeamLink = { workspaceId, teamWorkspaceId: redeemed.workspaceId, serverUrl: request.serverUrl, memberId: redeemed.memberId, token: redeemed.token };
  store.sqlite.transaction(() => {
    adoptTeamMembers(store.sqlite, workspaceId, members, redeemed.memberId);
    renameRooms(store, roomName({ kind: 'workspace', workspaceId }), roomName({ kind: 'workspace', workspaceId: redeemed.workspaceId }));
    saveTeamLink(store, secrets, link);
  })();
  return link;
}

/** The room and its sub-rooms (months, outbox), in the log and in its snapshots. */
function renameRooms(store: Store, from: string, to: string): void {
  if (from === to) return;
  for (const table of ['doc_updates', 'doc_snapshots']) {
    store.sqlite
      .prepare(`UPDATE ${table} SET room = :to || substr(room, length(:from) + 1)
        WHERE room = :from OR substr(room, 1, length(:from) + 1) = :from || '/'`)
      .run({ from, to });
  }
}
