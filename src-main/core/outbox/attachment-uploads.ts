import { existsSync } from 'node:fs';
import { appendFile, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { EMAIL_ATTACHMENTS_MAX_BYTES, describeAttachmentLimit, type UploadProgress } from '../../../src-shared/api/email-attachments';
import type { ParsedRequestInput } from '../../../src-shared/api/requests';
import { ApiError } from '../../../src-shared/api/result';
import type { BlobStore } from '../blobs/blob-store';

type UploadChunk = ParsedRequestInput<'attachments.upload'>;

/**
 * Files the email composer attaches arrive in pieces (one request each, so none is larger than the
 * socket allows) and are put together in the blob store's staging folder, then stored under their
 * sha256 like every attachment. A piece sent again after a lost answer is recognized by its offset and
 * changes nothing; one out of order is refused rather than guessed at.
 */
export function createAttachmentUploads(blobs: BlobStore) {
  const staging = blobs.stagingDir;
  // One upload's pieces are written one after the other even if two requests overlap.
  const queues = new Map<string, Promise<unknown>>();
  // The answer to a last piece, for when it is sent again because that answer was lost.
  const completed = new Map<string, UploadProgress>();

  async function receive(chunk: UploadChunk): Promise<UploadProgress> {
    const done = completed.get(chunk.uploadId);
    if (done) return done;
    const file = path.join(staging, `upload-${chunk.uploadId}`);
    const bytes = Buffer.from(chunk.data, 'base64');
    const size = existsSync(file) ? (await stat(file)).size : 0;
    const end = chunk.offset + bytes.length;
    if (end > EMAIL_ATTACHMENTS_MAX_BYTES) {
      await rm(file, { force: true });
      throw new ApiError('invalid_input', `${chunk.filename} is too large. ${describeAttachmentLimit(end)}`);
    }
    if (chunk.offset === size) await appendFile(file, bytes);
    else if (end > size) throw new ApiError('conflict', `The upload of ${chunk.filename} lost a piece; attach the file again.`);
    if (!chunk.last) return { received: Math.max(size, end), attachment: null };
    const content = await readFile(file);
    const sha256 = await blobs.put(content);
    await rm(file, { force: true });
    const progress = { received: content.length, attachment: { filename: chunk.filename, contentType: chunk.contentType, size: content.length, sha256 } };
    completed.set(chunk.uploadId, progress);
    return progress;
  }

  return function upload(chunk: UploadChunk): Promise<UploadProgress> {
    const previous = queues.get(chunk.uploadId) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(() => receive(chunk));
    queues.set(chunk.uploadId, next);
    void next.finally(() => {
      if (queues.get(chunk.uploadId) === next) queues.delete(chunk.uploadId);
    }).catch(() => {});
    return next;
  };
}
