import { and, eq } from 'drizzle-orm';
import { emailFolders } from '../store/schema';
import type { StoreDb } from '../store/open-store';
import type { FolderCheckpoint } from './email-batch';

export function folderCheckpoint(db: StoreDb, accountId: string, path: string): FolderCheckpoint | null {
  return db
    .select()
    .from(emailFolders)
    .where(and(eq(emailFolders.accountId, accountId), eq(emailFolders.path, path)))
    .get() ?? null;
}

export function folderCheckpoints(db: StoreDb, accountId: string): FolderCheckpoint[] {
  return db.select().from(emailFolders).where(eq(emailFolders.accountId, accountId)).all();
}

export function saveFolderCheckpoint(db: StoreDb, checkpoint: FolderCheckpoint): void {
  const { accountId, path, ...position } = checkpoint;
  db.insert(emailFolders)
    .values(checkpoint)
    .onConflictDoUpdate({ target: [emailFolders.accountId, emailFolders.path], set: position })
    .run();
}
