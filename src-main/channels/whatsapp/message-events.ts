import type { WAMessage } from '@whiskeysockets/baileys';
import type { WhatsAppChannelDeps } from '../../core/whatsapp/whatsapp-channel-deps';
import type { RawWhatsAppMessage } from '../../core/whatsapp/whatsapp-record';
import { stableIds } from '../../core/ingest/stable-ids';
import { normalizeJid } from './normalize/jid';
import { MESSAGE_EVENTS, normalizeEvent, type WhatsAppMessageEvent, type WhatsAppMessageEvents } from './normalize/normalize-event';
import { toRecords } from './normalize/to-records';
import type { WhatsAppItem } from './normalize/whatsapp-item';
import type { BaileysCodec } from './socket/baileys-runtime';
import type { WaEventMap, WaSocket } from './socket/wa-socket';

/**
 * Feeds the socket's message events into the store, each event in one transaction. A failure is
 * logged with the event's name and never stops the socket: the next event still lands, and the
 * phone resends what was not acknowledged.
 */
export function followMessageEvents(
  socket: WaSocket,
  deps: Pick<WhatsAppChannelDeps, 'commit'>,
  { BufferJSON }: Pick<BaileysCodec, 'BufferJSON'>,
  onItems: (items: WhatsAppItem[], upserted: readonly WAMessage[]) => void = () => {},
  now = Date.now,
): () => void {
  const listeners = MESSAGE_EVENTS.map((event) => {
    const listener = (payload: WaEventMap[WhatsAppMessageEvent]) => {
      try {
        const items = normalizeEvent(event, payload as WhatsAppMessageEvents[typeof event], now());
        const carried = carriedMessages(event, payload);
        const raw = rawMessages(carried, BufferJSON.replacer);
        deps.commit(toRecords(items), raw);
        // History is not fetched for media: a linked phone's backlog could be thousands of files.
        onItems(items, event === 'messages.upsert' ? carried : []);
      } catch (error) {
        console.error(`[switchboard] a WhatsApp ${event} event could not be stored:`, error);
      }
    };
    socket.ev.on(event, listener);
    return () => socket.ev.off(event, listener);
  });
  return () => listeners.forEach((off) => off());
}

/** The messages an event carries whole (upserts and history), as delivered. */
function carriedMessages(event: WhatsAppMessageEvent, payload: WaEventMap[WhatsAppMessageEvent]): WAMessage[] {
  if (event === 'messages.upsert') return (payload as WaEventMap['messages.upsert']).messages;
  if (event === 'messaging-history.set') return (payload as WaEventMap['messaging-history.set']).messages;
  return [];
}

/** Messages with content, as delivered, for `getMessage` and media downloads. */
function rawMessages(messages: readonly WAMessage[], replacer: (key: string, value: unknown) => unknown): RawWhatsAppMessage[] {
  return messages.flatMap((message) => {
    const chat = normalizeJid(message.key.remoteJid);
    if (!chat || !message.key.id || !message.message) return [];
    return [{ id: stableIds.whatsapp(chat, message.key.id), keyId: message.key.id, json: JSON.stringify(message, replacer) }];
  });
}
