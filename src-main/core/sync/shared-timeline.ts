import { contactsOf, dismissalsOf, monthsOf, placeCustomer, putContact, raiseMark, readMarksOf, type ContactRecord, type Customer, type Placement } from '../../../src-shared/sync/workspace-doc';
import { advanceStatus, changesOf, monthOf, putEntry, type EntryChangeRecord, type StatusRecord, type TimelineRecord } from '../../../src-shared/sync/timeline-doc';
import { writeInBoundedTransactions } from './bounded-transactions';
import type { SharedDocs } from './shared-docs';
import { createStoreAttachment } from '../store/store-attachment';

/**
 * Marks document transactions this PC made itself and already wrote to SQLite, so the materializer,
 * which brings other PCs' changes into SQLite, passes over them.
 */
export const LOCAL_WRITE = Symbol('local-write');

/**
 * How this PC's own writers (ingest, notes, outbox) put what they stored into the shared documents.
 * They call it inside their SQLite transaction, so the document update is logged with the rows.
 */
export function createSharedTimeline(docs: SharedDocs) {
  return {
    place(customer: Customer, at: number, fallbackName: string): Placement {
      let placement: Placement | null = null;
      docs.workspace.transact(() => {
        placement = placeCustomer(docs.workspace, customer, at, fallbackName);
      }, LOCAL_WRITE);
      return placement!;
    },
    /** A contact made without an identity (a call given a thread of its own). */
    shareContact(record: ContactRecord): void {
      const contacts = contactsOf(docs.workspace);
      if (!contacts.has(record.id)) docs.workspace.transact(() => putContact(docs.workspace, record), LOCAL_WRITE);
    },
    putEntries(records: readonly TimelineRecord[]): void {
      for (const [month, group] of groupByMonth(records)) {
        const doc = docs.month(month);
        writeInBoundedTransactions(doc, group, recordSize, (record) => putEntry(doc, record), LOCAL_WRITE);
        if (!monthsOf(docs.workspace).has(month)) docs.workspace.transact(() => monthsOf(docs.workspace).set(month, true), LOCAL_WRITE);
      }
    },
    markRead(conversationId: string, upTo: number): void {
      docs.workspace.transact(() => raiseMark(readMarksOf(docs.workspace), conversationId, upTo), LOCAL_WRITE);
    },
    dismissNeedsResponse(conversationId: string, upTo: number): void {
      docs.workspace.transact(() => raiseMark(dismissalsOf(docs.workspace), conversationId, upTo), LOCAL_WRITE);
    },
    /** A change to an entry goes to the month document of the entry it changes. */
    putChange(entryOccurredAt: number, change: EntryChangeRecord): void {
      const doc = docs.month(monthOf(entryOccurredAt));
      doc.transact(() => {
        if (!changesOf(doc).has(change.id)) changesOf(doc).set(change.id, change);
      }, LOCAL_WRITE);
    },
    advanceStatus(entryId: string, occurredAt: number, status: StatusRecord): void {
      const doc = docs.month(monthOf(occurredAt));
      doc.transact(() => advanceStatus(doc, entryId, status), LOCAL_WRITE);
    },
  };
}

export type SharedTimeline = ReturnType<typeof createSharedTimeline>;

/** Roughly what a record weighs in an update: its text, plus room for the other fields. */
function recordSize(record: TimelineRecord): number {
  return 3 * (record.body.length + (record.subject?.length ?? 0)) + 300 * (1 + record.attachments.length);
}

function groupByMonth(records: readonly TimelineRecord[]): Map<string, TimelineRecord[]> {
  const groups = new Map<string, TimelineRecord[]>();
  for (const record of records) {
    const month = monthOf(record.occurredAt);
    const group = groups.get(month) ?? [];
    group.push(record);
    groups.set(month, group);
  }
  return groups;
}

const sharedTimelines = createStoreAttachment<SharedTimeline>();

/**
 * Ties the shared documents to a store, so every writer built on that store (ingest in the email
 * sink, notes, the demo seed) publishes what it writes without each being handed the documents.
 * A store with none attached (benchmarks, lower-level tests) writes SQLite alone.
 */
export const attachSharedTimeline = sharedTimelines.attach;
export const sharedTimelineOf = sharedTimelines.of;
