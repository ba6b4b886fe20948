import type * as Y from 'yjs';
import { isFurther } from '../domain/delivery-order';
import type { EmailEntryDetails } from '../domain/email-entry';
import type { DeliveryStatus, TimelineEntry } from '../domain/timeline';

/**
 * One month of timeline (`ws/<workspace>/t/<YYYY-MM>`): every entry keyed by its stable id, and its
 * delivery status apart, so a status callback touches one small value instead of rewriting the entry.
 * Documents carry metadata and a capped plain-text body; HTML, attachments and media live in the
 * blob store (DESIGN.md, "Shared state").
 */
export const ENTRIES_MAP = 'entries';
export const STATUSES_MAP = 'statuses';
/** Changes to entries after they arrived (edits, deletes, reactions), each under its own id. */
export const CHANGES_MAP = 'changes';

/** Longer bodies are cut here in the document; the full text stays with the blob of the message. */
export const MAX_DOC_BODY_CHARS = 32_000;

/** An entry as the document keeps it: what the inbox shows, plus the contact it came from or went to. */
export type TimelineRecord = Pick<
  TimelineEntry,
  | 'id'
  | 'conversationId'
  | 'kind'
  | 'channel'
  | 'direction'
  | 'authorMemberId'
  | 'subject'
  | 'body'
  | 'occurredAt'
  | 'deliveryStatus'
  | 'attachments'
  | 'call'
  | 'autoReply'
> & {
  /** Kept apart from the conversation so a merge can be undone. */
  contactId: string;
  /** For an email: what showing it needs besides its text, so every PC can show its HTML. */
  email?: EmailEntryDetails;
};

export interface StatusRecord {
  status: DeliveryStatus;
  /** Why it failed, as the provider said it (e.g. "30007: message filtered"). */
  error: string | null;
  at: number;
  /**
   * Which send attempt the status is about. A person's Retry starts a new attempt, whose statuses
   * replace the last attempt's even when they are not further along (sending again after failed).
   */
  attempt?: number;
}

/**
 * One change to a stored entry, kept so every PC applies it: an edit (the new text; the old one
 * becomes history), a delete for everyone, a reaction, or media downloaded after the message arrived
 * (its content address). Changes are never removed.
 */
export type EntryChangeRecord = { id: string; entryId: string; at: number } & (
  | { kind: 'edit'; body: string }
  | { kind: 'revoke' }
  | { kind: 'reaction'; by: string; emoji: string }
  | { kind: 'attachment'; index: number; sha256: string; size: number }
  | { kind: 'resolve' }
  | { kind: 'move'; toConversationId: string; toContactId: string; by: string; reason: string | null }
);

export function changesOf(doc: Y.Doc): Y.Map<EntryChangeRecord> {
  return doc.getMap<EntryChangeRecord>(CHANGES_MAP);
}

export function entriesOf(doc: Y.Doc): Y.Map<TimelineRecord> {
  return doc.getMap<TimelineRecord>(ENTRIES_MAP);
}

export function statusesOf(doc: Y.Doc): Y.Map<StatusRecord> {
  return doc.getMap<StatusRecord>(STATUSES_MAP);
}

/** The month document an entry belongs to, by its time in UTC, so every PC picks the same one. */
export function monthOf(occurredAt: number): string {
  return new Date(occurredAt).toISOString().slice(0, 7);
}

/** Stores an entry once: the same stable id arriving again changes nothing. */
export function putEntry(doc: Y.Doc, record: TimelineRecord): boolean {
  const entries = entriesOf(doc);
  if (entries.has(record.id)) return false;
  entries.set(record.id, { ...record, body: record.body.slice(0, MAX_DOC_BODY_CHARS) });
  return true;
}

/** Moves an entry's delivery status forward only (see delivery-order), or to a new send attempt's. */
export function advanceStatus(doc: Y.Doc, entryId: string, next: StatusRecord): boolean {
  const statuses = statusesOf(doc);
  const current = statuses.get(entryId);
  const newAttempt = (next.attempt ?? 0) > (current?.attempt ?? 0);
  if (!newAttempt && !isFurther(next.status, current?.status ?? null)) return false;
  statuses.set(entryId, next);
  return true;
}
