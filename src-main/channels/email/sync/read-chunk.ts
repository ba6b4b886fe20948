import type { FetchMessageObject, ImapFlow } from 'imapflow';
import type { BlobStore } from '../../../core/blobs/blob-store';
import type { SyncedEmail } from '../../../core/email/email-batch';
import { mapEmail, mapUnreadable } from './map-email';
import type { ParseMessages } from './parse-pool';
import { storeParts } from './store-parts';

export interface ChunkContext {
  role: 'inbox' | 'sent';
  /** The open folder, recorded with each message so an expunge reported by UID can name it. */
  path: string;
  ownAddress: string;
  blobs: BlobStore;
  parse: ParseMessages;
}

export interface ReadChunk {
  emails: SyncedEmail[];
  bytes: number;
}

/**
 * Fetches the given UIDs of the open folder. The whole chunk is fetched before parsing starts:
 * imapflow cannot run another command while a FETCH is being iterated, and the next chunk's FETCH is
 * what runs while this one is parsed.
 */
export async function fetchChunk(client: ImapFlow, uids: number[]): Promise<FetchMessageObject[]> {
  if (uids.length === 0) return [];
  return client.fetchAll(uids.join(','), { uid: true, source: true, internalDate: true }, { uid: true });
}

/** Turns each fetched message into what the store files, its parts already in the blob store. */
export async function readChunk(fetched: FetchMessageObject[], context: ChunkContext): Promise<ReadChunk> {
  const messages = fetched.filter((message): message is FetchMessageObject & { source: Buffer } => message.source !== undefined);
  const results = await context.parse(messages.map((message) => message.source));
  // Stored side by side, so that each blob's flush overlaps the next one's; the result keeps the fetch order.
  const emails = await Promise.all(
    messages.map(async (message, i): Promise<SyncedEmail> => {
      const receivedAt = message.internalDate ? new Date(message.internalDate).getTime() : Date.now();
      const location = { path: context.path, uid: message.uid };
      const parsed = results[i]!;
      if (!parsed.ok) {
        const sha256 = await context.blobs.put(message.source);
        const raw = { filename: 'message.eml', contentType: 'message/rfc822', size: message.source.length, sha256 };
        return mapUnreadable(raw, parsed.error, receivedAt, location);
      }
      const parts = await storeParts(context.blobs, parsed.email);
      return mapEmail(parsed.email, { role: context.role, ownAddress: context.ownAddress, receivedAt, location, ...parts });
    }),
  );
  return { emails, bytes: messages.reduce((sum, message) => sum + message.source.length, 0) };
}
