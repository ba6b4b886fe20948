import { z } from 'zod';
import type { AttachmentMeta } from '../domain/timeline';

/**
 * What one email may carry in attachments, all files together. MIME's base64 makes it a third larger
 * on the wire, about 13.7 MB, which the usual limits (Gmail 25 MB, Microsoft 365 20–35 MB, most hosts
 * 20 MB or more) accept.
 */
export const EMAIL_ATTACHMENTS_MAX_BYTES = 10 * 1024 * 1024;
export const EMAIL_ATTACHMENTS_MAX_COUNT = 20;
/** A file goes to main in pieces of this size, so one request stays well under the socket's 1 MB. */
export const UPLOAD_CHUNK_BYTES = 512 * 1024;

export function describeAttachmentLimit(totalBytes: number): string {
  return `Attachments can add up to ${megabytes(EMAIL_ATTACHMENTS_MAX_BYTES)} per email; these come to ${megabytes(totalBytes)}.`;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'not a sha256 content address');
const filename = z
  .string()
  .trim()
  .min(1)
  .max(255)
  // A path separator or control character in a file name only ever causes harm at the other end.
  .transform((name) => name.replace(/[\\/\u0000-\u001f\u007f]/g, '_'));
const contentType = z
  .string()
  .max(200)
  .transform((type) => (/^[\w.+-]+\/[\w.+-]+$/.test(type) ? type.toLowerCase() : 'application/octet-stream'));

/** A file the composer uploaded, named by its content. */
export const uploadedAttachment = z.object({
  sha256,
  filename,
  contentType,
  size: z.number().int().nonnegative().max(EMAIL_ATTACHMENTS_MAX_BYTES),
});

export const uploadChunk = z.object({
  /** A ULID the composer picks per file; sending a piece again after a lost answer changes nothing. */
  uploadId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'uploadId must be a ULID'),
  offset: z.number().int().nonnegative(),
  /** Base64 of at most UPLOAD_CHUNK_BYTES bytes. */
  data: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4, 'A piece of an upload is at most 512 KB'),
  /** Set on the last piece: the file is then complete, stored by its content, and described. */
  last: z.boolean(),
  filename,
  contentType,
});

export interface UploadProgress {
  received: number;
  /** The stored file, once the last piece arrived. */
  attachment: (AttachmentMeta & { sha256: string }) | null;
}

/** An attachment's bytes, to open or save. */
export interface AttachmentContent {
  filename: string;
  contentType: string;
  /** Base64. */
  data: string;
}

export const attachmentRef = z.object({ entryId: z.string().min(1).max(200), sha256 });
