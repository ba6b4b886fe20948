import type { NormalizedInbound } from '../../../../src-shared/domain/inbound';
import type { AttachmentMeta, Direction } from '../../../../src-shared/domain/timeline';
import type { EntryChange } from '../../../core/entry-changes/entry-change';
import type { MediaKind } from './content';

/** What one Baileys event item becomes; every item becomes exactly one of these, a skip included. */
export type WhatsAppItem =
  | { type: 'entry'; entry: NormalizedInbound; keyId: string; media: MediaRef | null }
  | { type: 'group'; message: GroupMessage }
  | { type: 'change'; change: EntryChange }
  | { type: 'stub'; stub: PendingStub }
  | { type: 'skip'; reason: string };

export interface MediaRef {
  kind: MediaKind;
  voiceNote: boolean;
}

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
