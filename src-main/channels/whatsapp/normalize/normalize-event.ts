import { normalizeReactions } from './normalize-reaction';
import { normalizeReceipts } from './normalize-receipt';
import { normalizeUpdates } from './normalize-update';
import { normalizeUpsert } from './normalize-upsert';
import type { WhatsAppItem } from './whatsapp-item';
import type { WaReaction, WaReceipt, WaUpdate, WaUpsert } from './wa-payload';

/** The Baileys events that carry messages, with the payload each handler receives. */
export interface WhatsAppMessageEvents {
  'messages.upsert': WaUpsert;
  /** Recent history the phone sends when a device links (and later in chunks): stored like upserts. */
  'messaging-history.set': { messages: WaUpsert['messages'] };
  'messages.update': WaUpdate[];
  'messages.reaction': WaReaction[];
  'message-receipt.update': WaReceipt[];
}
export type WhatsAppMessageEvent = keyof WhatsAppMessageEvents;
export const MESSAGE_EVENTS: readonly WhatsAppMessageEvent[] = ['messages.upsert', 'messaging-history.set', 'messages.update', 'messages.reaction', 'message-receipt.update'];

/** One Baileys event → what the store does with it. `now` stands in for a missing timestamp. */
export function normalizeEvent<E extends WhatsAppMessageEvent>(event: E, payload: WhatsAppMessageEvents[E], now: number): WhatsAppItem[] {
  switch (event) {
    case 'messages.upsert':
      return normalizeUpsert(payload as WaUpsert, now);
    case 'messaging-history.set':
      return normalizeUpsert({ ...(payload as WhatsAppMessageEvents['messaging-history.set']), type: 'history' }, now);
    case 'messages.update':
      return normalizeUpdates(payload as WaUpdate[], now);
    case 'messages.reaction':
      return normalizeReactions(payload as WaReaction[], now);
    default:
      return normalizeReceipts(payload as WaReceipt[], now);
  }
}
