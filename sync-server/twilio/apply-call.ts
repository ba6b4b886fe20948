import type * as Y from 'yjs';
import type { AttachmentMeta, CallDetails, Direction } from '../../src-shared/domain/timeline';
import type { BlobStore } from '../blobs/blob-store';
import { fetchRecording } from './media';
import type { TwilioApiAccess } from './twilio-api';
import { entriesOf, monthOf, putEntry, type TimelineRecord } from '../../src-shared/sync/timeline-doc';
import type { ServerDb } from '../store/server-db';
import { callDirection, callFacts, callSummary, mergeCall, voiceStepOf } from './call-details';
import { partyLabel, placeParty, readParty } from './customer';
import { listMonth, type WriteRoom } from './document-writer';
import { param } from './form-params';
import { findLocation, rememberLocation } from './message-index';
import { accountRegion, type TwilioAccount } from './twilio-accounts';
import type { StoredEvent } from './webhook-events';

export interface CallContext {
  db: ServerDb;
  writeRoom: WriteRoom;
  blobs: BlobStore;
  api: TwilioApiAccess;
}

export function callEntryId(callSid: string): string {
  return `call:${callSid}`;
}

/**
 * Every voice callback adds what it knows to the call's one entry (`call:<CallSid>`): the first
 * creates it under the caller's contact, later ones (the forward's result, the voicemail, its
 * transcription) make it more final, in whatever order they arrive. The month is fixed by the first.
 */
export async function applyCallEvent(context: CallContext, account: TwilioAccount, event: StoredEvent): Promise<void> {
  const { db, writeRoom } = context;
  const { params, receivedAt: at } = event;
  const recording = voiceStepOf(event.query) === 'recording' ? await fetchRecording(account, params, context.api, context.blobs) : null;
  const direction = callDirection(params);
  const from = param(params, 'From') ?? param(params, 'Caller') ?? '';
  const to = param(params, 'To') ?? param(params, 'Called') ?? '';
  const party = readParty(direction === 'inbound' ? from : to, accountRegion(account));
  const facts = callFacts(voiceStepOf(event.query), params);
  const partyName = partyLabel(party);
  facts.from = direction === 'inbound' ? partyName : from;
  facts.to = direction === 'inbound' ? to : partyName;

  const id = callEntryId(event.sid);
  const known = findLocation(db, account.workspaceId, event.sid);
  const month = known?.month ?? monthOf(at);
  if (!known) rememberLocation(db, account.workspaceId, event.sid, { entryId: id, month, outboxItemId: null });
  const placed = await writeRoom({ kind: 'workspace', workspaceId: account.workspaceId }, (doc) => {
    listMonth(doc, month);
    return placeParty(doc, party, at, event.sid);
  });
  await writeRoom({ kind: 'timeline', workspaceId: account.workspaceId, month }, (doc) => {
    const base: TimelineRecord = {
      id,
      conversationId: placed.conversationId,
      contactId: placed.contactId,
      kind: 'call',
      channel: 'voice',
      direction,
      authorMemberId: null,
      subject: null,
      body: '',
      occurredAt: at,
      deliveryStatus: null,
      attachments: [],
      call: null,
    };
    recordCall(doc, base, facts, direction, recording);
  });
}

/** The call entry is replaced whole as it grows; only the server writes call entries, one event at a time. */
function recordCall(doc: Y.Doc, base: TimelineRecord, facts: Partial<CallDetails>, direction: Direction, recording: AttachmentMeta | null): void {
  const entries = entriesOf(doc);
  const current = entries.get(base.id);
  const call = mergeCall(current?.call ?? null, facts);
  const attachments = current?.attachments ?? base.attachments;
  const withRecording = recording && !attachments.some((a) => a.sha256 === recording.sha256) ? [...attachments, recording] : attachments;
  const record = { ...(current ?? base), call, attachments: withRecording, body: callSummary(call, current?.direction ?? direction) };
  if (!current) putEntry(doc, record);
  else entries.set(base.id, record);
}
