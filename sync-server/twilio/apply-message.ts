import type { Channel } from '../../src-shared/domain/timeline';
import { consentKeyword } from '../../src-shared/sms/opt-out-keywords';
import { monthOf, putEntry } from '../../src-shared/sync/timeline-doc';
import { publishSmsSettings, recordConsent, recordHelpRequest } from '../../src-shared/sync/twilio-workspace-doc';
import type { BlobStore } from '../blobs/blob-store';
import { placeParty, readParty } from './customer';
import { listMonth, type WriteRoom } from './document-writer';
import { param } from './form-params';
import { fetchMedia } from './media';
import type { TwilioAccount } from './twilio-accounts';
import { accountRegion, publicSettings } from './twilio-accounts';
import type { TwilioApiAccess } from './twilio-api';
import type { StoredEvent } from './webhook-events';

export interface MessageContext {
  writeRoom: WriteRoom;
  blobs: BlobStore;
  api: TwilioApiAccess;
}

/** The stable id of a message Twilio names (DESIGN.md): the same webhook twice is one entry. */
export function smsEntryId(messageSid: string): string {
  return `sms:${messageSid}`;
}

/**
 * An inbound SMS, MMS or WhatsApp-via-Twilio message: its media into the blob store, its sender
 * into the workspace's contacts (a consent keyword recorded there too), then the entry into the
 * month of its arrival.
 */
export async function applyInboundMessage(context: MessageContext, account: TwilioAccount, event: StoredEvent): Promise<void> {
  const { params, receivedAt: at } = event;
  const from = param(params, 'From') ?? '';
  const channel: Channel = from.startsWith('whatsapp:') ? 'whatsapp' : 'sms';
  const party = readParty(from, accountRegion(account));
  const body = messageBody(params);
  const attachments = await fetchMedia(account, params, context.api, context.blobs);
  const workspace = { kind: 'workspace', workspaceId: account.workspaceId } as const;
  const month = monthOf(at);
  const placed = await context.writeRoom(workspace, (doc) => {
    const placement = placeParty(doc, party, at, event.sid);
    listMonth(doc, month);
    publishSmsSettings(doc, publicSettings(account));
    const keyword = channel === 'sms' && party.kind === 'number' ? consentKeyword(body) : null;
    if (keyword && party.kind === 'number') {
      if (keyword.kind === 'help') recordHelpRequest(doc, party.e164, at);
      else recordConsent(doc, party.e164, keyword.kind === 'opt_out', keyword.keyword, at);
    }
    return placement;
  });
  const id = smsEntryId(event.sid);
  await context.writeRoom({ kind: 'timeline', workspaceId: account.workspaceId, month }, (doc) => {
    putEntry(doc, {
      id,
      conversationId: placed.conversationId,
      contactId: placed.contactId,
      kind: 'message',
      channel,
      direction: 'inbound',
      authorMemberId: null,
      subject: null,
      body,
      occurredAt: at,
      deliveryStatus: 'received',
      attachments,
      call: null,
    });
  });
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
