import type { Attachment } from 'mailparser';
import type { EmailAttachment } from './parsed-email';

/**
 * Each MIME part that is not the body text, with the sha256 the blob store files it under (mailparser
 * computes it as it decodes the part, see `checksumAlgo`). Report parts (delivery status, returned
 * headers) stay here too: nothing of a message is dropped.
 */
export function readAttachments(parts: Attachment[]): EmailAttachment[] {
  return parts.map((part) => ({
    filename: part.filename ?? null,
    contentType: part.contentType.toLowerCase(),
    size: part.content.length,
    sha256: part.checksum,
    contentId: part.cid ?? null,
    inline: isInline(part),
    content: new Uint8Array(part.content.buffer, part.content.byteOffset, part.content.length),
  }));
}

/**
 * Shown within the body: an image the sender placed inline, or a part the HTML can reach (it sits in
 * multipart/related with a Content-ID). Apple Mail marks every attachment inline, PDFs included, so an
 * inline disposition alone does not hide a file from the attachment list.
 */
function isInline(part: Attachment): boolean {
  const disposition = part.contentDisposition?.toLowerCase();
  if (disposition === 'inline') return part.contentType.toLowerCase().startsWith('image/') || part.related === true;
  if (disposition) return false;
  return part.related === true;
}
