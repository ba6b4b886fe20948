import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES, type UploadProgress } from '../../../src-shared/api/email-attachments';
import { openTestCore } from '../../support/test-core';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

describe('uploading an attachment in pieces', () => {
  it('stores the file by its sha256 whatever pieces are sent again after a lost answer, and refuses a gap', async () => {
    const dataDir = tempDir();
    const { core, request } = openTestCore(dataDir);
    const bytes = randomBytes(UPLOAD_CHUNK_BYTES * 2 + 1000);
    const piece = (offset: number) => bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES).toString('base64');
    const uploadId = ulid();
    const send = (offset: number, last = false) =>
      request<UploadProgress>('attachments.upload', { uploadId, offset, data: piece(offset), last, filename: 'plan/../../evil\u0007.pdf', contentType: 'application/pdf' });

    expect(await send(0)).toEqual({ received: UPLOAD_CHUNK_BYTES, attachment: null });
    // The answer was lost and the composer sends the same piece again: nothing is appended twice.
    expect(await send(0)).toEqual({ received: UPLOAD_CHUNK_BYTES, attachment: null });
    await expect(send(UPLOAD_CHUNK_BYTES * 2, true)).rejects.toThrow(/conflict: The upload of .* lost a piece; attach the file again\./);
    await send(UPLOAD_CHUNK_BYTES);
    const done = await send(UPLOAD_CHUNK_BYTES * 2, true);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(done.attachment).toEqual({ filename: 'plan_.._.._evil_.pdf', contentType: 'application/pdf', size: bytes.length, sha256 });
    // The last piece again (its answer lost too) gives the same answer, from the stored file.
    expect(await send(UPLOAD_CHUNK_BYTES * 2, true)).toEqual(done);

    const stored = path.join(dataDir, 'blobs', sha256.slice(0, 2), sha256);
    expect(readFileSync(stored).equals(bytes)).toBe(true);
    expect(readdirSync(path.join(dataDir, 'blobs', 'tmp'))).toEqual([]);
    core.close();
  });

  it('clears an upload left midway once it is a day old, at the next start, and keeps a recent one', async () => {
    const dataDir = tempDir();
    const first = openTestCore(dataDir);
    const startUpload = (uploadId: string) =>
      first.request('attachments.upload', { uploadId, offset: 0, data: randomBytes(1000).toString('base64'), last: false, filename: 'plan.pdf', contentType: 'application/pdf' });
    const [abandoned, recent] = [ulid(), ulid()];
    await startUpload(abandoned);
    await startUpload(recent);
    first.core.close();
    const staging = path.join(dataDir, 'blobs', 'tmp');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(path.join(staging, `upload-${abandoned}`), twoDaysAgo, twoDaysAgo);

    const second = openTestCore(dataDir);
    await expect.poll(() => readdirSync(staging)).toEqual([`upload-${recent}`]);
    second.core.close();
  });

  it('refuses a piece larger than the request limit before reading it', async () => {
    const { core, request } = openTestCore(tempDir());
    const tooBig = randomBytes(UPLOAD_CHUNK_BYTES + 3).toString('base64');
    await expect(
      request('attachments.upload', { uploadId: ulid(), offset: 0, data: tooBig, last: true, filename: 'x.bin', contentType: 'application/octet-stream' }),
    ).rejects.toThrow(/invalid_input: .*A piece of an upload is at most 512 KB/);
    core.close();
  });
});
