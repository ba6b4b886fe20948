import { asc, eq } from 'drizzle-orm';
import type { CallDetails, TimelineEntry } from '../../../src-shared/domain/timeline';
import { entries } from '../store/schema';
import type { StoreDb } from '../store/open-store';
import { sharedTimelineOf } from '../sync/shared-timeline';
import type { TimelineRecord } from '../../../src-shared/sync/timeline-doc';

export type EntryRow = typeof entries.$inferSelect;
export type NewEntryRow = typeof entries.$inferInsert;

/**
 * Inserts unless an entry with the same stable id exists; returns whether it was new. A new entry is
 * also put in its month's shared document (when the store has them), in the same transaction.
 */
export function insertEntry(db: StoreDb, row: NewEntryRow): boolean {
  if (db.insert(entries).values(row).onConflictDoNothing({ target: entries.id }).run().changes !== 1) return false;
  sharedTimelineOf(db.$client)?.putEntries([recordOfRow(row)]);
  return true;
}

/** An entry row as its month document keeps it. */
export function recordOfRow(row: NewEntryRow): TimelineRecord {
  return {
    id: row.id,
    conversationId: row.conversationId,
    contactId: row.originContactId,
    kind: row.kind,
    channel: row.channel,
    direction: row.direction ?? null,
    authorMemberId: row.authorMemberId ?? null,
    subject: row.subject ?? null,
    body: row.body,
    occurredAt: row.occurredAt,
    deliveryStatus: row.deliveryStatus ?? null,
    attachments: row.attachments ?? [],
    call: callOf(row),
    ...(row.autoReply ? { autoReply: true as const } : {}),
    ...(row.email ? { email: row.email } : {}),
  };
}

export function getEntry(db: StoreDb, id: string): TimelineEntry | null {
  const row = db.select().from(entries).where(eq(entries.id, id)).get();
  return row ? toTimelineEntry(row) : null;
}

export function threadEntries(db: StoreDb, conversationId: string): TimelineEntry[] {
  return db
    .select()
    .from(entries)
    .where(eq(entries.conversationId, conversationId))
    .orderBy(asc(entries.occurredAt), asc(entries.seq))
    .all()
    .map(toTimelineEntry);
}

export function toTimelineEntry(row: EntryRow): TimelineEntry {
  return {
    id: row.id,
    conversationId: row.conversationId,
    kind: row.kind,
    channel: row.channel,
    direction: row.direction,
    authorMemberId: row.authorMemberId,
    subject: row.subject,
    body: row.body,
    occurredAt: row.occurredAt,
    deliveryStatus: row.deliveryStatus,
    attachments: row.attachments,
    call: callOf(row),
    // Only when set, so entries of channels without reactions, edits or deletes look as they always did.
    ...(row.reactions.length > 0 ? { reactions: row.reactions } : {}),
    ...(row.editedAt !== null ? { editedAt: row.editedAt } : {}),
    ...(row.deletedAt !== null ? { deletedAt: row.deletedAt } : {}),
    ...(row.autoReply ? { autoReply: true as const } : {}),
  };
}

type CallColumns = Pick<NewEntryRow, 'kind' | 'callOutcome' | 'callDurationSec' | 'callRecordingUrl' | 'callTranscription' | 'callFrom' | 'callTo' | 'callResolvedAt'>;

function callOf(row: CallColumns): CallDetails | null {
  if (row.kind !== 'call' || !row.callOutcome) return null;
  return {
    durationSec: row.callDurationSec ?? 0,
    outcome: row.callOutcome,
    recordingUrl: row.callRecordingUrl ?? null,
    transcription: row.callTranscription ?? null,
    from: row.callFrom ?? null,
    to: row.callTo ?? null,
    resolvedAt: row.callResolvedAt ?? null,
  };
}
