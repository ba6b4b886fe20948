import type { NormalizedInbound } from '../../../src-shared/domain/inbound';
import { resolveIdentities } from '../../../src-shared/identity/resolve';
import { formatPhoneForDisplay } from '../../../src-shared/identity/phone';
import { addIdentities, createContact, findIdentityOwner, requireConversationOfContact } from '../contacts/contact-repo';
import type { ConversationRollup } from '../conversations/conversation-rollup';
import { insertEntry, type NewEntryRow } from '../entries/entry-repo';
import type { StoreDb } from '../store/open-store';

export type IngestOutcome = { status: 'added'; conversationId: string } | { status: 'duplicate' };

/**
 * Files one customer-visible entry under its customer: finds the contact through its identities (or
 * creates one with its conversation), stores the entry under its stable id and updates the inbox row.
 * Must run inside a transaction; a duplicate id changes nothing.
 */
export function ingestInbound(
  db: StoreDb,
  rollup: ConversationRollup,
  workspaceId: string,
  inbound: NormalizedInbound,
): IngestOutcome {
  const resolution = resolveIdentities(inbound.customer.identities, (key) => findIdentityOwner(db, workspaceId, key));
  let contactId: string;
  let conversationId: string;
  if (resolution.outcome === 'existing') {
    contactId = resolution.contactId;
    addIdentities(db, workspaceId, contactId, resolution.unknownIdentities);
    conversationId = requireConversationOfContact(db, contactId);
  } else {
    ({ contactId, conversationId } = createContact(
      db,
      workspaceId,
      { displayName: inbound.customer.displayName ?? fallbackName(inbound), identities: resolution.identities },
      inbound.occurredAt,
    ));
  }
  const row: NewEntryRow = {
    id: inbound.id,
    workspaceId,
    conversationId,
    originContactId: contactId,
    kind: inbound.kind,
    channel: inbound.channel,
    direction: inbound.direction,
    subject: inbound.subject,
    body: inbound.body,
    occurredAt: inbound.occurredAt,
    deliveryStatus: inbound.deliveryStatus,
    attachments: inbound.attachments,
    callDurationSec: inbound.call?.durationSec ?? null,
    callOutcome: inbound.call?.outcome ?? null,
    callRecordingUrl: inbound.call?.recordingUrl ?? null,
    callTranscription: inbound.call?.transcription ?? null,
  };
  if (!insertEntry(db, row)) return { status: 'duplicate' };
  rollup.applyEntry({ ...inbound, conversationId });
  return { status: 'added', conversationId };
}

/** An unknown sender is named by the handle they wrote from, so the list never shows a blank name. */
function fallbackName(inbound: NormalizedInbound): string {
  const first = inbound.customer.identities[0];
  if (!first) return 'Unknown sender';
  return first.kind === 'phone' ? formatPhoneForDisplay(first.value) : first.value;
}
