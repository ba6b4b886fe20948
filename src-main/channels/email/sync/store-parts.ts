import type { BlobStore } from '../../../core/blobs/blob-store';
import type { AttachmentMeta } from '../../../../src-shared/domain/timeline';
import type { ParsedEmail } from '../parse/parsed-email';
import { listedParts } from './listed-parts';

/**
 * Writes the parts the entry lists (see listedParts) and the HTML body to the blob store before their
 * message is committed, so every row that names a blob finds it. A crash in between leaves only
 * unreferenced blobs, which the retry reuses.
 */
export async function storeParts(blobs: BlobStore, email: ParsedEmail): Promise<{ attachments: AttachmentMeta[]; htmlSha256: string | null }> {
  // Written side by side: each blob waits on its own flush, and the waits need not add up.
  const [htmlSha256, ...attachments] = await Promise.all([
    email.html === null ? null : blobs.put(Buffer.from(email.html, 'utf8')),
    ...listedParts(email.attachments).map(
      async (part): Promise<AttachmentMeta> => ({
        filename: part.filename ?? (part.contentId ? `inline-${part.contentId}` : 'attachment'),
        contentType: part.contentType,
        size: part.size,
        sha256: await blobs.put(part.content),
        ...(part.contentId ? { contentId: part.contentId } : {}),
      }),
    ),
  ]);
  return { attachments: attachments as AttachmentMeta[], htmlSha256: htmlSha256 as string | null };
}
