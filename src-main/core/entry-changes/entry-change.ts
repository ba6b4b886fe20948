import type { DeliveryStatus } from '../../../src-shared/domain/timeline';

/**
 * A change a channel reports about a message it delivered earlier. `targetIds` are the stable ids
 * the message may be stored under (WhatsApp can name one chat by phone number or by LID); the first
 * one stored is changed, and a change whose target is not stored changes nothing.
 */
export type EntryChange =
  | {
      kind: 'reaction';
      targetIds: string[];
      /** Who reacted: `me` for this business, else the reactor's address. One reaction each. */
      by: string;
      /** Empty: the reaction was taken back. */
      emoji: string;
      at: number;
    }
  | { kind: 'edit'; targetIds: string[]; body: string; at: number }
  | { kind: 'revoke'; targetIds: string[]; at: number }
  | { kind: 'status'; targetIds: string[]; status: DeliveryStatus; at: number }
  /** The bytes of the entry's `index`th attachment are now in the blob store. */
  | { kind: 'attachment'; targetIds: string[]; index: number; sha256: string; size: number }
  /** A missed call or voicemail was dealt with (called back): it stops holding the thread unread. */
  | { kind: 'resolve'; targetIds: string[]; at: number }
  /**
   * A call filed under the wrong customer (a shared phone, a wrong number) goes to another thread,
   * or to a thread of its own; the move and its reason stay in the entry's audit log.
   */
  | { kind: 'move'; targetIds: string[]; toConversationId: string; toContactId: string; by: string; reason: string | null; at: number };
