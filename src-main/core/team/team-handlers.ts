import path from 'node:path';
import type { SessionInfo } from '../../../src-shared/api/requests';
import { BLOBS_FOLDER } from '../blobs/blob-store';
import { markAllForUpload } from '../blobs/team-blobs';
import type { TeamStatus } from '../../../src-shared/domain/team';
import type { Handlers } from '../api/dispatch';
import type { SecretStore } from '../secrets/secret-store';
import type { Store } from '../store/open-store';
import type { SharedDocs } from '../sync/shared-docs';
import { joinTeam } from './join-team';
import type { TeamLink } from './team-link-repo';

export interface TeamHandlerDeps {
  store: Store;
  dataDir: string;
  secrets: SecretStore;
  session: SessionInfo;
  link: TeamLink | null;
  docs: SharedDocs;
  /** Restarts the core once the answer is sent; absent where the shell cannot (then: restart the app). */
  requestRestart?: () => void;
}

export function createTeamHandlers({ store, dataDir, secrets, session, link, docs, requestRestart }: TeamHandlerDeps): Pick<Handlers, 'team.status' | 'team.join'> {
  const status = (): TeamStatus => ({
    team: link ? { serverUrl: link.serverUrl, workspaceId: link.teamWorkspaceId, memberName: session.me.name } : null,
    sync: docs.status(),
  });
  return {
    'team.status': status,
    'team.join': async (request) => {
      const joined = await joinTeam(store, secrets, session.workspace.id, request);
      markAllForUpload(path.join(dataDir, BLOBS_FOLDER));
      requestRestart?.();
      return { team: { serverUrl: joined.serverUrl, workspaceId: joined.teamWorkspaceId, memberName: request.name }, sync: { state: 'connecting' } };
    },
  };
}
