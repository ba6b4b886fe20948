import type { WhatsAppRecord } from '../../../core/whatsapp/whatsapp-record';
import type { WhatsAppItem } from './whatsapp-item';

/** The items the store acts on, in order; skips are dropped (the caller may log their reasons). */
export function toRecords(items: readonly WhatsAppItem[]): WhatsAppRecord[] {
  return items.flatMap((item): WhatsAppRecord[] => {
    if (item.type === 'skip') return [];
    if (item.type === 'entry') return [{ type: 'entry', entry: item.entry, keyId: item.keyId }];
    return [item];
  });
}
