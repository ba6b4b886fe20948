import type { ImapFlow } from 'imapflow';
import type { BlobStore } from '../../../core/blobs/blob-store';
import type { SyncedEmail } from '../../../core/email/email-batch';
import { parseEmail } from '../parse/parse-email';
import { mapEmail, mapUnreadable } from './map-email';
import { storeParts } from './store-parts';

export interface ChunkContext {
  role: 'inbox' | 'sent';
  /** The open folder, recorded with each message so an expunge reported by UID can name it. */
  path: string;
  ownAddress: string;
  blobs: BlobStore;
}

export interface ReadChunk {
  emails: SyncedEmail[];
  bytes: number;
}

/**
 * Fetches the given UIDs of the open folder and turns each message into what the store files. The
 * whole chunk is fetched before parsing starts: imapflow cannot run another command while a FETCH is
 * being iterated.
 */
export async function readChunk(client: ImapFlow, uids: number[], context: ChunkContext): Promise<ReadChunk> {
  if (uids.length === 0) return { emails: [], bytes: 0 };
  const fetched = await client.fetchAll(uids.join(','), { uid: true, source: true, internalDate: true }, { uid: true });
  let bytes = 0;
  // Messages of a chunk are read side by side so one message's blob flushes overlap the next one's
  // parsing; the order of the result is the fetch order.
  const read = await Promise.all(
    fetched.map(async (message): Promise<SyncedEmail | null> => {
      if (!message.source) return null;
      bytes += message.source.length;
      const receivedAt = message.internalDate ? new Date(message.internalDate).getTime() : Date.now();
      const location = { path: context.path, uid: message.uid };
      const parsed = await parseEmail(message.source);
      if (!parsed.ok) {
        const sha256 = await context.blobs.put(message.source);
        const raw = { filename: 'message.eml', contentType: 'message/rfc822', size: message.source.length, sha256 };
        return mapUnreadable(raw, parsed.error, receivedAt, location);
      }
      const parts = await storeParts(context.blobs, parsed.email);
      return mapEmail(parsed.email, { role: context.role, ownAddress: context.ownAddress, receivedAt, location, ...parts });
    }),
  );
  const emails = read.filter((email): email is SyncedEmail => email !== null);
  return { emails, bytes };
}
