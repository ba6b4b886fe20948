import type { NormalizedInbound } from '../../../src-shared/domain/inbound';
import { resolveIdentities, type IdentityKey } from '../../../src-shared/identity/resolve';
import { formatPhoneForDisplay } from '../../../src-shared/identity/phone';
import { addIdentities, createContact } from '../contacts/contact-repo';
import type { ConversationRollup } from '../conversations/conversation-rollup';
import type { Store } from '../store/open-store';
import { sharedTimelineOf } from '../sync/shared-timeline';
import { prepareEntryInsert } from '../entries/entry-insert';
import type { TimelineRecord } from '../../../src-shared/sync/timeline-doc';

export type IngestOutcome = { status: 'added'; conversationId: string } | { status: 'duplicate' };

/**
 * Files customer-visible entries under their customers: finds each contact through its identities (or
 * creates it with its conversation), stores the entry under its stable id and updates the inbox row.
 * A batch is one transaction, so a sync that dies midway leaves none of it; a duplicate id changes
 * nothing. The statements of this hot path are prepared once, not rebuilt per entry.
 */
export function createIngest(store: Store, rollup: ConversationRollup) {
  const { sqlite, db } = store;
  const shared = sharedTimelineOf(sqlite);
  const ownerOf = sqlite.prepare(
    'SELECT contact_id FROM identities WHERE workspace_id = ? AND kind = ? AND value = ?',
  ).pluck();
  const conversationOf = sqlite.prepare('SELECT id FROM conversations WHERE contact_id = ?').pluck();
  const insertEntry = prepareEntryInsert(sqlite);

  const mergedInto = sqlite.prepare('SELECT merged_into FROM contacts WHERE id = ?').pluck();

  function resolveContact(workspaceId: string, inbound: NormalizedInbound): { contactId: string; conversationId: string } {
    return shared ? placeShared(workspaceId, inbound) : placeLocal(workspaceId, inbound);
  }

  /**
   * With shared documents the workspace document decides the contact, so every PC files the message
   * under the same ids; the rows are created here when this PC has not seen the contact yet.
   */
  function placeShared(workspaceId: string, inbound: NormalizedInbound): { contactId: string; conversationId: string } {
    const placement = shared!.place(inbound.customer, inbound.occurredAt, fallbackName(inbound));
    if (placement.created) {
      createContact(db, workspaceId, { displayName: placement.created.displayName, identities: placement.addedIdentities }, inbound.occurredAt, placement);
    } else if (placement.addedIdentities.length > 0) {
      addIdentities(db, workspaceId, placement.contactId, placement.addedIdentities);
    }
    return survivorOf(placement);
  }

  /** A contact merged into another files its messages with the survivor, as before the merge. */
  function survivorOf(placement: { contactId: string; conversationId: string }): { contactId: string; conversationId: string } {
    const survivor = mergedInto.get(placement.contactId) as string | null | undefined;
    if (!survivor) return placement;
    const conversationId = conversationOf.get(survivor) as string | undefined;
    return conversationId ? { contactId: placement.contactId, conversationId } : placement;
  }

  function placeLocal(workspaceId: string, inbound: NormalizedInbound): { contactId: string; conversationId: string } {
    const resolution = resolveIdentities(inbound.customer.identities, (key: IdentityKey) => ownerOf.get(workspaceId, key.kind, key.value) as string | undefined ?? null);
    if (resolution.outcome === 'new') {
      return createContact(
        db,
        workspaceId,
        { displayName: inbound.customer.displayName ?? fallbackName(inbound), identities: resolution.identities },
        inbound.occurredAt,
      );
    }
    if (resolution.unknownIdentities.length > 0) addIdentities(db, workspaceId, resolution.contactId, resolution.unknownIdentities);
    const conversationId = conversationOf.get(resolution.contactId) as string | undefined;
    if (!conversationId) throw new Error(`Contact ${resolution.contactId} has no conversation`);
    return { contactId: resolution.contactId, conversationId };
  }

  function ingestOne(workspaceId: string, inbound: NormalizedInbound, added: TimelineRecord[]): IngestOutcome {
    const { contactId, conversationId } = resolveContact(workspaceId, inbound);
    const record = toRecord(inbound, conversationId, contactId);
    if (!insertEntry(workspaceId, record)) return { status: 'duplicate' };
    added.push(record);
    return { status: 'added', conversationId };
  }

  return sqlite.transaction((workspaceId: string, inbounds: readonly NormalizedInbound[]): IngestOutcome[] => {
    const added: TimelineRecord[] = [];
    const outcomes = inbounds.map((inbound) => ingestOne(workspaceId, inbound, added));
    rollup.applyEntries(added);
    shared?.putEntries(added);
    return outcomes;
  });
}

export type Ingest = ReturnType<typeof createIngest>;

/** An unknown sender is named by the handle they wrote from, so the list never shows a blank name. */
function fallbackName(inbound: NormalizedInbound): string {
  const first = inbound.customer.identities[0];
  if (!first) return 'Unknown sender';
  return first.kind === 'phone' ? formatPhoneForDisplay(first.value) : first.value;
}

function toRecord(entry: NormalizedInbound, conversationId: string, contactId: string): TimelineRecord {
  return {
    id: entry.id,
    conversationId,
    contactId,
    kind: entry.kind,
    channel: entry.channel,
    direction: entry.direction,
    authorMemberId: null,
    subject: entry.subject,
    body: entry.body,
    occurredAt: entry.occurredAt,
    deliveryStatus: entry.deliveryStatus,
    attachments: entry.attachments,
    call: entry.call,
    ...(entry.autoReply ? { autoReply: true as const } : {}),
    ...(entry.email ? { email: entry.email } : {}),
  };
}
