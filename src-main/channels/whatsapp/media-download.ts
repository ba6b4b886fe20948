import type { WAMessage } from '@whiskeysockets/baileys';
import type { WhatsAppChannelDeps } from '../../core/whatsapp/whatsapp-channel-deps';
import type { WhatsAppItem } from './normalize/whatsapp-item';
import type { BaileysCodec } from './socket/baileys-runtime';
import { quietLogger } from './socket/quiet-logger';
import type { WaSocket } from './socket/wa-socket';

/**
 * Fetches the media of new messages into the blob store, one file at a time, after the messages are
 * stored: a message never waits for its photo. Expired media is asked for again from the sender's
 * phone (`updateMediaMessage`); media that cannot be had stays a file entry without content, logged.
 */
export function createMediaFetcher(codec: Pick<BaileysCodec, 'downloadMediaMessage'>, deps: Pick<WhatsAppChannelDeps, 'saveMedia' | 'hasMedia'>) {
  const logger = quietLogger('[switchboard] whatsapp media');
  let queue: Promise<void> = Promise.resolve();

  function fetchOne(socket: WaSocket, message: WAMessage, entryId: string): Promise<void> {
    if (deps.hasMedia(entryId, 0)) return Promise.resolve();
    return codec
      .downloadMediaMessage(message, 'buffer', {}, { logger, reuploadRequest: (m) => socket.updateMediaMessage(m) })
      .then((bytes) => deps.saveMedia(entryId, 0, bytes))
      .catch((error: unknown) => {
        console.error(`[switchboard] the media of WhatsApp message ${entryId} could not be downloaded; it shows as a file without content:`, error instanceof Error ? error.message : error);
      });
  }

  return {
    /** `items` and `messages` of one upsert, in the same order (one item per message). */
    fetch(socket: WaSocket, items: readonly WhatsAppItem[], messages: readonly WAMessage[]): void {
      items.forEach((item, i) => {
        const message = messages[i];
        if (item.type !== 'entry' || !item.media || !message) return;
        queue = queue.then(() => fetchOne(socket, message, item.entry.id));
      });
    },
    /** Resolves once every download asked for so far is over. */
    idle: (): Promise<void> => queue,
  };
}
