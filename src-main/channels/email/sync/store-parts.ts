import type { BlobStore } from '../../../core/blobs/blob-store';
import type { AttachmentMeta } from '../../../../src-shared/domain/timeline';
import type { ParsedEmail } from '../parse/parsed-email';

/**
 * Writes the attachments and the HTML body to the blob store before their message is committed, so
 * every row that names a blob finds it. A crash in between leaves only unreferenced blobs, which the
 * retry reuses.
 */
export async function storeParts(blobs: BlobStore, email: ParsedEmail): Promise<{ attachments: AttachmentMeta[]; htmlSha256: string | null }> {
  const attachments: AttachmentMeta[] = [];
  for (const part of email.attachments) {
    attachments.push({
      filename: part.filename ?? (part.contentId ? `inline-${part.contentId}` : 'attachment'),
      contentType: part.contentType,
      size: part.size,
      sha256: await blobs.put(part.content),
    });
  }
  const htmlSha256 = email.html === null ? null : await blobs.put(Buffer.from(email.html, 'utf8'));
  return { attachments, htmlSha256 };
}
