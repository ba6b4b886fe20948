import type { WhatsAppRecord } from '../../../core/whatsapp/whatsapp-record';
import type { MediaKind } from './content';

/**
 * What one Baileys event item becomes; every item becomes exactly one of these, a skip included. An
 * entry carries the media it names, so the channel can fetch the bytes.
 */
export type WhatsAppItem =
  | (Extract<WhatsAppRecord, { type: 'entry' }> & { media: MediaRef | null })
  | Exclude<WhatsAppRecord, { type: 'entry' }>
  | { type: 'skip'; reason: string };

export interface MediaRef {
  kind: MediaKind;
  voiceNote: boolean;
}
