import type { NormalizedInbound } from '../../../src-shared/domain/inbound';
import type { AttachmentMeta, Direction } from '../../../src-shared/domain/timeline';
import type { EntryChange } from '../entry-changes/entry-change';

/** What the WhatsApp channel hands the store, in the order its events arrived. */
export type WhatsAppRecord =
  | { type: 'entry'; entry: NormalizedInbound; keyId: string }
  | { type: 'group'; message: GroupMessage }
  | { type: 'change'; change: EntryChange }
  | { type: 'stub'; stub: PendingStub };

/** A message in a group (or a broadcast): kept in the Other view, never a customer conversation. */
export interface GroupMessage {
  id: string;
  chatJid: string;
  /** `me` for this business. */
  senderJid: string;
  senderPhone: string | null;
  senderName: string | null;
  direction: Direction;
  body: string;
  occurredAt: number;
  attachments: AttachmentMeta[];
}

/**
 * A message WhatsApp announced but this device could not decrypt yet (CIPHERTEXT). It is not shown
 * as an empty message; the phone resends the content under the same id, which then replaces it.
 */
export interface PendingStub {
  id: string;
  chatJid: string;
  keyId: string;
  occurredAt: number;
  reason: string | null;
}

/** A message as Baileys delivered it (WebMessageInfo as BufferJSON text), for getMessage and media. */
export interface RawWhatsAppMessage {
  id: string;
  keyId: string;
  json: string;
}
