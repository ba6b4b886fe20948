import { ulid } from 'ulid';
import { UPLOAD_CHUNK_BYTES } from '../../../src-shared/api/email-attachments';
import type { AttachmentMeta } from '../../../src-shared/domain/timeline';
import { resendOnConnectionLoss } from '../resend-on-connection-loss';

/**
 * Sends a picked file to main in pieces, each small enough for one request, and returns it as stored
 * (by its sha256). Each piece is safe to resend: main recognizes it by the upload id and offset.
 */
export async function uploadAttachment(file: File): Promise<AttachmentMeta & { sha256: string }> {
  const uploadId = ulid();
  const contentType = file.type || 'application/octet-stream';
  for (let offset = 0; ; offset += UPLOAD_CHUNK_BYTES) {
    const piece = new Uint8Array(await file.slice(offset, offset + UPLOAD_CHUNK_BYTES).arrayBuffer());
    const last = offset + UPLOAD_CHUNK_BYTES >= file.size;
    const progress = await resendOnConnectionLoss(() =>
      window.switchboard.request('attachments.upload', { uploadId, offset, data: toBase64(piece), last, filename: file.name, contentType }),
    );
    if (last) {
      if (!progress.attachment) throw new Error(`${file.name} was not stored; attach it again.`);
      return progress.attachment;
    }
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes its arguments on the stack; a few KB at a time stays far below its limit.
  for (let i = 0; i < bytes.length; i += 0x2000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  return btoa(binary);
}

/** Files of a draft as a send request names them: each was stored by its address when picked. */
export function uploadedFiles(attachments: readonly AttachmentMeta[]) {
  return attachments.map(({ filename, contentType, size, sha256 }) => ({ filename, contentType, size, sha256: sha256 ?? '' }));
}
