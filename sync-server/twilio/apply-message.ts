import type { Channel } from '../../src-shared/domain/timeline';
import { consentKeyword } from '../../src-shared/sms/opt-out-keywords';
import { monthOf, putEntry, type TimelineRecord } from '../../src-shared/sync/timeline-doc';
import { publishSmsSettings, recordConsent, recordHelpRequest } from '../../src-shared/sync/twilio-workspace-doc';
import type { BlobStore } from '../blobs/blob-store';
import { placeParty, readParty, type Party } from './customer';
import { listMonth, type WriteRoom } from './document-writer';
import { param } from './form-params';
import { fetchMedia } from './media';
import { accountRegion, publicSettings, type TwilioAccount } from './twilio-accounts';
import type { TwilioApiAccess } from './twilio-api';
import type { StoredEvent } from './webhook-events';

export interface MessageContext {
  writeRoom: WriteRoom;
  blobs: BlobStore;
  api: TwilioApiAccess;
}

/** An inbound message read and its media stored, ready to be written into the documents. */
export interface PreparedMessage {
  event: StoredEvent;
  party: Party;
  channel: Channel;
  month: string;
  entry: Omit<TimelineRecord, 'conversationId' | 'contactId'>;
}

/** The stable id of a message Twilio names (DESIGN.md): the same webhook twice is one entry. */
export function smsEntryId(messageSid: string): string {
  return `sms:${messageSid}`;
}

/**
 * Reads an inbound SMS, MMS or WhatsApp-via-Twilio message and copies its media into the blob store.
 * Throws when media cannot be fetched, so the event stays pending rather than lose a picture.
 */
export async function prepareInboundMessage(context: MessageContext, account: TwilioAccount, event: StoredEvent): Promise<PreparedMessage> {
  const { params, receivedAt: at } = event;
  const from = param(params, 'From') ?? '';
  const channel: Channel = from.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
  const attachments = await fetchMedia(account, params, context.api, context.blobs);
  return {
    event,
    party: readParty(from, accountRegion(account)),
    channel,
    month: monthOf(at),
    entry: {
      id: smsEntryId(event.sid),
      kind: 'message',
      channel,
      direction: 'inbound',
      authorMemberId: null,
      subject: null,
      body: messageBody(params),
      occurredAt: at,
      deliveryStatus: 'received',
      attachments,
      call: null,
    },
  };
}

/**
 * Writes messages that arrived together: senders into the workspace's contacts (with any consent
 * keyword) in one workspace transaction, then the entries into their months, one transaction each.
 */
export async function writeInboundMessages(writeRoom: WriteRoom, account: TwilioAccount, messages: readonly PreparedMessage[]): Promise<void> {
  const workspaceId = account.workspaceId;
  const placements = await writeRoom({ kind: 'workspace', workspaceId }, (doc) => {
    publishSmsSettings(doc, publicSettings(account));
    return messages.map(({ event, party, channel, month, entry }) => {
      listMonth(doc, month);
      const keyword = channel === 'sms' && party.kind === 'number' ? consentKeyword(entry.body) : null;
      if (keyword && party.kind === 'number') {
        if (keyword.kind === 'help') recordHelpRequest(doc, party.e164, entry.occurredAt);
        else recordConsent(doc, party.e164, keyword.kind === 'opt_out', keyword.keyword, entry.occurredAt);
      }
      return placeParty(doc, party, entry.occurredAt, event.sid);
    });
  });
  for (const month of new Set(messages.map((m) => m.month))) {
    await writeRoom({ kind: 'timeline', workspaceId, month }, (doc) => {
      messages.forEach((message, index) => {
        const placed = placements[index]!;
        if (message.month === month) putEntry(doc, { ...message.entry, conversationId: placed.conversationId, contactId: placed.contactId });
      });
    });
  }
}

/** The text, or for a shared location (WhatsApp) the place in words with its coordinates. */
function messageBody(params: StoredEvent['params']): string {
  const body = param(params, 'Body') ?? '';
  const latitude = param(params, 'Latitude');
  const longitude = param(params, 'Longitude');
  if (body !== '' || latitude === null || longitude === null) return body;
  const place = [param(params, 'Label'), param(params, 'Address')].filter((part) => part !== null && part !== '');
  return `Location: ${[...place, `${latitude}, ${longitude}`].join(', ')}`;
}
