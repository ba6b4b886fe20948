import { createBlobStore } from '../blobs/blob-store';
import { createConversationRollup } from '../conversations/conversation-rollup';
import type { Store } from '../store/open-store';
import { saveEmailAccount, type EmailAccountSettings } from './email-account-repo';
import { folderCheckpoint } from './email-folder-repo';
import { createEmailSink } from './email-sink';

/** Everything the email channel needs from the store of one workspace in one data folder. */
export function createEmailStore(store: Store, dataDir: string, workspaceId: string) {
  return {
    sink: createEmailSink(store, createConversationRollup(store.sqlite), workspaceId),
    blobs: createBlobStore(dataDir),
    saveAccount: (settings: EmailAccountSettings) => saveEmailAccount(store.db, workspaceId, settings, Date.now()),
    checkpoint: (accountId: string, path: string) => folderCheckpoint(store.db, accountId, path),
  };
}

export type EmailStore = ReturnType<typeof createEmailStore>;
