import type { FolderSyncDeps } from './folder-sync';
import { syncFolder } from './folder-sync';
import { findSyncFolders, type SyncFolder } from './sync-folders';

/**
 * One pass over the account: every folder's new and recent mail first, then every folder's older
 * backfill, so a first sync makes the last weeks of both INBOX and Sent usable before any old mail.
 */
export async function syncAccount(deps: FolderSyncDeps): Promise<SyncFolder[]> {
  const folders = await findSyncFolders(deps.client);
  for (const folder of folders) await syncFolder(deps, folder, 'recent');
  for (const folder of folders) await syncFolder(deps, folder, 'all');
  return folders;
}
