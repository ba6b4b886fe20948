import { createBlobStore } from '../blobs/blob-store';
import { createConversationRollup } from '../conversations/conversation-rollup';
import type { Store } from '../store/open-store';
import { saveEmailAccount, type EmailAccountSettings } from './email-account-repo';
import type { EmailBatch } from './email-batch';
import { folderCheckpoint } from './email-folder-repo';
import { createEmailSink, type EmailSinkResult } from './email-sink';

/**
 * Everything the email channel needs from the store of one workspace in one data folder.
 * `onCommitted` hears which conversations a batch changed once its transaction is committed, so a
 * running app can tell the inbox to refetch them.
 */
export function createEmailStore(store: Store, dataDir: string, workspaceId: string, onCommitted: (conversationIds: string[]) => void = () => {}) {
  const sink = createEmailSink(store, createConversationRollup(store.sqlite), workspaceId);
  return {
    sink: {
      commit(batch: EmailBatch): EmailSinkResult {
        const result = sink.commit(batch);
        if (result.conversationIds.length > 0) onCommitted(result.conversationIds);
        return result;
      },
    },
    blobs: createBlobStore(dataDir),
    /** The store itself, for the outbox executor that runs beside the sync. */
    store,
    /** Tells the running app which conversations changed outside a sync batch (a send's status). */
    notify: onCommitted,
    saveAccount: (settings: EmailAccountSettings) => saveEmailAccount(store.db, workspaceId, settings, Date.now()),
    checkpoint: (accountId: string, path: string) => folderCheckpoint(store.db, accountId, path),
  };
}

export type EmailStore = ReturnType<typeof createEmailStore>;
