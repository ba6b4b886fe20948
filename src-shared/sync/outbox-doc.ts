import type * as Y from 'yjs';
import { isFurther } from '../domain/delivery-order';
import { canMove, type OutboxState } from '../domain/outbox';
import type { AttachmentMeta, Channel } from '../domain/timeline';

/**
 * The shared outbox (`ws/<workspace>/outbox`, DESIGN.md "Outbox"): what any PC composed, waiting for
 * approval or for its executor (sync-server for SMS). Items are written once and never change; their
 * state lives apart, keyed by the same id, so a status update touches one small value.
 */
export const OUTBOX_ITEMS_MAP = 'items';
export const OUTBOX_STATES_MAP = 'states';

export interface OutboxItemRecord {
  /** The composer's draft id (a ULID), so a repeated submit finds the item it made. */
  id: string;
  channel: Channel;
  conversationId: string;
  contactId: string;
  /** The timeline entry that shows the item, and the month document holding it. */
  entryId: string;
  entryMonth: string;
  /** The customer's address on the channel: E.164 for SMS. */
  to: string;
  body: string;
  /** Blobs already in the server's store, by sha256. */
  media: AttachmentMeta[];
  authorMemberId: string;
  createdAt: number;
  /**
   * For email and WhatsApp, which the channel host executes: the channel's own payload as the PC
   * that composed it wrote it (JSON), so the host sends exactly that.
   */
  payload?: string;
}

export interface OutboxStateRecord {
  state: OutboxState;
  /** Why it failed, or why its fate is unknown, in words a person can act on. */
  error: string | null;
  at: number;
  /** Provider calls made for the item. */
  attempts: number;
  /** The provider's id once it accepted the item (Twilio MessageSid). */
  providerId: string | null;
}

/** Statuses a provider reports after accepting the item. */
const PROVIDER_REPORTS: readonly OutboxState[] = ['sent', 'delivered', 'read', 'failed'];
const ACCEPTED: readonly OutboxState[] = ['sending', 'unknown', 'sent', 'delivered', 'read', 'failed'];

export function outboxItemsOf(doc: Y.Doc): Y.Map<OutboxItemRecord> {
  return doc.getMap<OutboxItemRecord>(OUTBOX_ITEMS_MAP);
}

export function outboxStatesOf(doc: Y.Doc): Y.Map<OutboxStateRecord> {
  return doc.getMap<OutboxStateRecord>(OUTBOX_STATES_MAP);
}

/** The id of the timeline entry an outbound SMS is shown by, known before Twilio names the message. */
export function outboundSmsEntryId(itemId: string): string {
  return `sms-out:${itemId}`;
}

/** Adds the item once; the same id again changes nothing and returns false. */
export function addOutboxItem(doc: Y.Doc, item: OutboxItemRecord, initial: 'pending_approval' | 'queued'): boolean {
  const items = outboxItemsOf(doc);
  if (items.has(item.id)) return false;
  doc.transact(() => {
    items.set(item.id, { ...item });
    outboxStatesOf(doc).set(item.id, { state: initial, error: null, at: item.createdAt, attempts: 0, providerId: null });
  });
  return true;
}

/**
 * Moves an item on. People and the executor make the moves of the outbox lifecycle (`canMove`); what
 * the provider reports afterwards may arrive late or out of order, so it only ever moves forward.
 */
export function moveOutboxItem(
  doc: Y.Doc,
  id: string,
  to: OutboxState,
  change: { at: number; error?: string | null; providerId?: string | null },
): boolean {
  const states = outboxStatesOf(doc);
  const current = states.get(id);
  if (!current) return false;
  const reported = PROVIDER_REPORTS.includes(to) && ACCEPTED.includes(current.state) && isFurther(to, current.state);
  if (!canMove(current.state, to) && !reported) return false;
  states.set(id, {
    state: to,
    error: change.error ?? (to === 'failed' || to === 'unknown' ? current.error : null),
    at: change.at,
    attempts: current.attempts + (to === 'sending' ? 1 : 0),
    providerId: change.providerId ?? current.providerId,
  });
  return true;
}

export function itemsInState(doc: Y.Doc, state: OutboxState): OutboxItemRecord[] {
  const items = outboxItemsOf(doc);
  const found: OutboxItemRecord[] = [];
  for (const [id, record] of outboxStatesOf(doc)) {
    const item = items.get(id);
    if (record.state === state && item) found.push(item);
  }
  return found.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}
