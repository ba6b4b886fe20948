import { existsSync } from 'node:fs';
import { createOutboxQueue } from '../../../core/outbox/outbox-queue';
import { getOutboxItem, moveOutboxItem, type OutboxItem } from '../../../core/outbox/outbox-repo';
import type { Store } from '../../../core/store/open-store';
import { outboundWhatsApp } from '../../../core/whatsapp/outbound-whatsapp';
import type { WaSocket } from '../socket/wa-socket';
import { messageContent } from './message-content';

export interface WhatsAppExecutorDeps {
  store: Store;
  pathOf(sha256: string): string;
  /** Told which conversations' entries changed state, so open screens refetch. */
  notify(conversationIds: string[]): void;
}

/**
 * The WhatsApp executor of the channel host (DESIGN.md, "Outbox"), run only while the link is open:
 * each queued item is marked `sending` and committed before Baileys is called, then `sent` with the
 * message id chosen when it was queued, or `failed` with the reason. A crash mid-send leaves it
 * `unknown` for a person; nothing is sent twice unasked.
 */
export function createWhatsAppExecutor({ store, pathOf, notify }: WhatsAppExecutorDeps) {
  const queue = createOutboxQueue(store.db, 'whatsapp');

  async function sendOne(socket: WaSocket, item: OutboxItem): Promise<boolean> {
    const parsed = outboundWhatsApp.safeParse(item.payload);
    if (!parsed.success) {
      queue.failed(item.id, 'This message was saved in a form this version of Switchboard cannot send. Write it again.');
      return false;
    }
    const payload = parsed.data;
    const missing = payload.attachments.find((file) => !file.sha256 || !existsSync(pathOf(file.sha256)));
    if (missing) {
      queue.failed(item.id, `${missing.filename} is no longer stored on the channel host, so the message was not sent. Write it again with the file attached.`);
      return false;
    }
    try {
      await socket.sendMessage(payload.jid, messageContent(payload, pathOf), { messageId: payload.keyId });
    } catch (error) {
      queue.failed(item.id, `WhatsApp did not take the message: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    // The phone's receipts may have moved the item on already (sent, delivered) while Baileys answered.
    if (getOutboxItem(store.db, item.id)?.state === 'sending') moveOutboxItem(store.db, item.id, 'sending', 'sent', { lastError: null });
    return true;
  }

  return {
    /** Sends every queued WhatsApp item, oldest first, one at a time, over `socket`. */
    async drain(socket: WaSocket): Promise<{ sent: number; failed: number }> {
      let sent = 0;
      let failed = 0;
      for (let item = queue.claimNext(); item; item = queue.claimNext()) {
        notify([item.conversationId]);
        if (await sendOne(socket, item)) sent++;
        else failed++;
        notify([item.conversationId]);
      }
      return { sent, failed };
    },
  };
}

export type WhatsAppExecutor = ReturnType<typeof createWhatsAppExecutor>;
