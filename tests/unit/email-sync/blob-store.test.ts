import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBlobStore } from '../../../src-main/core/blobs/blob-store';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

describe('the content-addressed blob store', () => {
  it('stores bytes under blobs/<aa>/<sha256>, once, and leaves no temporary file', async () => {
    const dataDir = tempDir();
    const blobs = createBlobStore(dataDir);
    const bytes = Buffer.from('invoice 2026-0042');
    const sha256 = createHash('sha256').update(bytes).digest('hex');

    expect(await blobs.put(bytes)).toBe(sha256);
    expect(await blobs.put(Buffer.from(bytes))).toBe(sha256);
    expect(blobs.pathOf(sha256)).toBe(path.join(dataDir, 'blobs', sha256.slice(0, 2), sha256));
    expect(readFileSync(blobs.pathOf(sha256))).toEqual(bytes);
    expect(readdirSync(path.join(dataDir, 'blobs', 'tmp'))).toEqual([]);
  });

  it('refuses an address that is not a sha256, so no path can leave the folder', () => {
    const blobs = createBlobStore(tempDir());
    expect(() => blobs.pathOf('../../etc/passwd')).toThrow(/not a sha256/);
  });
});
