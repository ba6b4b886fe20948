import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { blobStored, fetchTeamBlob } from './team-blobs';

export const BLOBS_FOLDER = 'blobs';

/**
 * Attachments and email HTML on disk under `blobs/<aa>/<sha256>`, named by their content so the same
 * file sent twice is stored once. A blob is written in full to a temporary name, flushed and then
 * renamed into place, so a crash never leaves a partial file under a real address; the rows that name a
 * blob are committed only after it is written.
 */
export function createBlobStore(dataDir: string) {
  const root = path.join(dataDir, BLOBS_FOLDER);
  const staging = path.join(root, 'tmp');
  mkdirSync(staging, { recursive: true });
  // There are at most 256 prefix folders; each is made once, off the main thread, so a sync pays
  // neither a mkdir per blob nor a blocking one.
  const madeFolders = new Map<string, Promise<unknown>>();

  const pathOf = (sha256: string): string => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256 content address: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256);
  };

  return {
    pathOf,
    /** Where partial files are put together before they are stored (an upload in pieces). */
    stagingDir: staging,

    /** Stores the bytes and returns their address; bytes already stored are not written again. */
    put: (bytes: Uint8Array): Promise<string> => write(bytes, true),

    /**
     * Where the blob is on this PC, fetching it from the team's server first when another PC stored
     * it; null when neither has it.
     */
    async ensure(sha256: string): Promise<string | null> {
      const target = pathOf(sha256);
      if (existsSync(target)) return target;
      const bytes = await fetchTeamBlob(root, sha256);
      if (!bytes) return null;
      await write(bytes, false);
      return target;
    },
  };

  /** `share`: hand the blob to the team's server too (not for one that came from it). */
  async function write(bytes: Uint8Array, share: boolean): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = pathOf(sha256);
    if (existsSync(target)) return sha256;
    const folder = path.dirname(target);
    let made = madeFolders.get(folder);
    if (!made) {
      made = mkdir(folder, { recursive: true });
      madeFolders.set(folder, made);
    }
    await made;
    const temporary = path.join(staging, `${sha256}.${randomBytes(6).toString('hex')}`);
    try {
      await writeFile(temporary, bytes, { flush: true });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    if (share) blobStored(root, sha256);
    return sha256;
  }
}

export type BlobStore = ReturnType<typeof createBlobStore>;
