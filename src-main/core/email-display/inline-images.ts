import { readFile } from 'node:fs/promises';
import type { AttachmentMeta } from '../../../src-shared/domain/timeline';
import type { BlobStore } from '../blobs/blob-store';

/** Inline images travel to the renderer inside one answer; past this, the rest show as broken images. */
const INLINE_IMAGES_BUDGET_BYTES = 10 * 1024 * 1024;

/**
 * The message's own image parts as data URLs keyed by Content-ID, for the `cid:` URLs of its HTML. They
 * come from the blob store, never the network, so showing them reveals nothing to the sender.
 */
export async function inlineImages(blobs: BlobStore, attachments: AttachmentMeta[]): Promise<Record<string, string>> {
  const images: Record<string, string> = {};
  let budget = INLINE_IMAGES_BUDGET_BYTES;
  for (const part of attachments) {
    if (!part.contentId || !part.sha256 || !part.contentType.startsWith('image/') || part.size > budget) continue;
    const file = await blobs.ensure(part.sha256).catch(() => null);
    const bytes = file ? await readFile(file).catch(() => null) : null;
    if (!bytes) continue;
    budget -= bytes.length;
    images[part.contentId] = `data:${part.contentType};base64,${bytes.toString('base64')}`;
  }
  return images;
}
