import path from 'node:path';
import type { SessionInfo } from '../../../src-shared/api/requests';
import { BLOBS_FOLDER } from '../blobs/blob-store';
import { shareBlobsWithTeam } from '../blobs/team-blobs';
import { attachSharedOutbox, createSharedOutbox } from '../outbox/shared-outbox';
import type { ConversationRollup } from '../conversations/conversation-rollup';
import type { SecretStore } from '../secrets/secret-store';
import type { Store } from '../store/open-store';
import { loadTeamLink } from '../team/team-link-repo';
import { syncSocketUrl } from '../team/team-server-client';
import { exportLocalRows } from './export-local-rows';
import { openSharedDocs } from './shared-docs';
import { materializeSharedDocs } from './shared-materializer';
import { attachSharedTimeline, createSharedTimeline } from './shared-timeline';

/**
 * Opens the workspace's shared documents (connected when this PC joined a team), ties them to the
 * store so every writer publishes what it writes, and keeps SQLite in step with what others write.
 */
export function startReplication(
  store: Store,
  dataDir: string,
  session: SessionInfo,
  secrets: SecretStore,
  rollup: ConversationRollup,
  onChanged: (conversationIds: string[]) => void,
) {
  const link = loadTeamLink(store, secrets, session.workspace.id);
  const server = link ? { serverUrl: syncSocketUrl(link.serverUrl), token: link.token } : null;
  const docs = openSharedDocs(store.sqlite, link?.teamWorkspaceId ?? session.workspace.id, server);
  const shared = createSharedTimeline(docs);
  const detach = attachSharedTimeline(store.sqlite, shared);
  const detachOutbox = attachSharedOutbox(store.sqlite, createSharedOutbox(docs));
  store.sqlite.transaction(() => exportLocalRows(store, session, link !== null, docs, shared))();
  const stopMaterializing = materializeSharedDocs(store, session.workspace.id, docs, rollup, onChanged);
  docs.followMonths();
  const stopSharingBlobs = link
    ? shareBlobsWithTeam(path.join(dataDir, BLOBS_FOLDER), { serverUrl: link.serverUrl, token: link.token }, (error) =>
        console.error('[switchboard] files could not be shared with the team yet; they will be on the next start:', error),
      )
    : () => {};
  return {
    link,
    docs,
    stop(): void {
      stopSharingBlobs();
      stopMaterializing();
      detach();
      detachOutbox();
      docs.close();
    },
  };
}
