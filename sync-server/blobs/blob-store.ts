import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ServerDb } from '../store/server-db';

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export interface StoredBlob {
  sha256: string;
  contentType: string;
  size: number;
}

/**
 * Attachments and media by content address (sha256) in the data folder, one file each, with a row per
 * blob and per workspace that references it: a member may read only what their workspace holds.
 */
export class BlobStore {
  private readonly root: string;

  constructor(
    dataDir: string,
    private readonly db: ServerDb,
  ) {
    this.root = path.join(dataDir, 'blobs');
    mkdirSync(this.root, { recursive: true });
  }

  /** Returns once the bytes are on disk (fsynced) and referenced by the workspace; the same bytes twice are stored once. */
  async put(workspaceId: string, bytes: Uint8Array, contentType: string): Promise<StoredBlob> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const file = this.fileOf(sha256);
    if (!this.exists(sha256)) await writeDurably(file, bytes);
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO blobs (sha256, content_type, size, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
        .run(sha256, contentType, bytes.byteLength, Date.now());
      this.db.prepare('INSERT INTO blob_refs (workspace_id, sha256) VALUES (?, ?) ON CONFLICT DO NOTHING').run(workspaceId, sha256);
    })();
    return { sha256, contentType, size: bytes.byteLength };
  }

  /** The blob when the workspace references it; null otherwise, whether or not it exists elsewhere. */
  async read(workspaceId: string, sha256: string): Promise<(StoredBlob & { bytes: Uint8Array }) | null> {
    if (!SHA256_HEX.test(sha256)) return null;
    const row = this.db
      .prepare<[string, string], { content_type: string; size: number }>(
        'SELECT b.content_type, b.size FROM blob_refs r JOIN blobs b ON b.sha256 = r.sha256 WHERE r.workspace_id = ? AND r.sha256 = ?',
      )
      .get(workspaceId, sha256);
    if (!row) return null;
    return { sha256, contentType: row.content_type, size: row.size, bytes: new Uint8Array(await readFile(this.fileOf(sha256))) };
  }

  private exists(sha256: string): boolean {
    return this.db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?').get(sha256) !== undefined;
  }

  private fileOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }
}

/** Written under a temporary name and renamed, so a crash never leaves a partial file under a content address. */
async function writeDurably(file: string, bytes: Uint8Array): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, file);
}
