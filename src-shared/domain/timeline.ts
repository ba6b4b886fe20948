import type { OutboxStatus } from './outbox';
import type { EntryReaction } from './reaction';

/** Vocabulary of the timeline: every entry of a conversation, whatever channel it came through. */
export const CHANNELS = ['sms', 'email', 'whatsapp', 'voice', 'internal'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ENTRY_KINDS = ['message', 'note', 'system', 'call'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const DIRECTIONS = ['inbound', 'outbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The outbox lifecycle of DESIGN.md, plus `received` for what customers sent us. */
export const DELIVERY_STATUSES = [
  'received',
  'pending_approval',
  'queued',
  'sending',
  'sent',
  'delivered',
  'read',
  /** A voice note or video the customer played (WhatsApp). */
  'played',
  'failed',
  'unknown',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const CALL_OUTCOMES = ['answered', 'missed', 'voicemail', 'busy', 'failed'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export interface AttachmentMeta {
  filename: string;
  contentType: string;
  size: number;
  /** Content address in the blob store; absent until the bytes are fetched. */
  sha256: string | null;
  /** An email part's Content-ID, without angle brackets: its HTML shows it through a `cid:` URL. */
  contentId?: string;
}

export interface CallDetails {
  durationSec: number;
  outcome: CallOutcome;
  recordingUrl: string | null;
  transcription: string | null;
  /** The numbers as the provider gave them (E.164, or a label such as "Withheld number"). */
  from?: string | null;
  to?: string | null;
  /** When someone marked a missed call or voicemail dealt with; until then it keeps the thread unread. */
  resolvedAt?: number | null;
}

export interface TimelineEntry {
  id: string;
  conversationId: string;
  kind: EntryKind;
  channel: Channel;
  direction: Direction | null;
  authorMemberId: string | null;
  subject: string | null;
  body: string;
  occurredAt: number;
  deliveryStatus: DeliveryStatus | null;
  attachments: AttachmentMeta[];
  call: CallDetails | null;
  /** For a message we send: its outbox item, which says whether it can be retried or needs a decision. */
  outbox?: OutboxStatus;
  /** Present once someone reacted (WhatsApp): one reaction per person. */
  reactions?: EntryReaction[];
  /** Present once the sender edited the text; earlier versions are kept in the audit log. */
  editedAt?: number;
  /** Present once the sender deleted it for everyone: the body is empty, the original in the audit log. */
  deletedAt?: number;
  /**
   * Present on an automatic answer from the customer's side (an out-of-office email): unread like any
   * message, but it asks for no response, so it neither raises nor clears Needs response.
   */
  autoReply?: true;
}

/** Notes and system events never reach a customer, so they neither need a response nor count as unread. */
export function isCustomerVisible(kind: EntryKind): boolean {
  return kind === 'message' || kind === 'call';
}
