import type { OutboxState } from '../../src-shared/domain/outbox';
import { moveOutboxItem, outboxItemsOf } from '../../src-shared/sync/outbox-doc';
import { advanceStatus } from '../../src-shared/sync/timeline-doc';
import type { ServerDb } from '../store/server-db';
import type { WriteRoom } from './document-writer';
import { param } from './form-params';
import { findLocation, type MessageLocation } from './message-index';
import { deliveryStatusOf, describeTwilioError } from './message-status';
import type { EventOutcome, StoredEvent } from './webhook-events';

/**
 * A status callback moves the message's entry, and its outbox item when we sent it, forward only:
 * callbacks arrive out of order and a late "sent" never undoes "delivered". The item is named in the
 * callback URL, so even a callback that beats Twilio's answer to the send (or a restart) finds it.
 * A status for a message not known yet is kept `unmatched` and applied when the message is.
 */
export async function applyStatus(db: ServerDb, writeRoom: WriteRoom, event: StoredEvent): Promise<EventOutcome> {
  const twilioStatus = param(event.params, 'MessageStatus') ?? param(event.params, 'SmsStatus');
  const status = deliveryStatusOf(twilioStatus);
  if (status === null) return 'applied';
  const workspaceId = event.workspaceId;
  const location = await locate(db, writeRoom, event);
  if (!location) return 'unmatched';
  const error = status === 'failed' ? describeTwilioError(param(event.params, 'ErrorCode'), twilioStatus) : null;
  const at = event.receivedAt;
  if (location.outboxItemId !== null && isProviderReport(status)) {
    const itemId = location.outboxItemId;
    await writeRoom({ kind: 'outbox', workspaceId }, (doc) => moveOutboxItem(doc, itemId, status, { at, error, providerId: event.sid }));
  }
  await writeRoom({ kind: 'timeline', workspaceId, month: location.month }, (doc) => advanceStatus(doc, location.entryId, { status, error, at }));
  return 'applied';
}

async function locate(db: ServerDb, writeRoom: WriteRoom, event: StoredEvent): Promise<MessageLocation | null> {
  const known = findLocation(db, event.workspaceId, event.sid);
  if (known) return known;
  const itemId = event.query.outbox;
  if (!itemId) return null;
  const item = await writeRoom({ kind: 'outbox', workspaceId: event.workspaceId }, (doc) => outboxItemsOf(doc).get(itemId) ?? null);
  return item ? { entryId: item.entryId, month: item.entryMonth, outboxItemId: item.id } : null;
}

/** Only what Twilio says after accepting a message moves an item: a stale "queued" must never re-queue a failed one. */
function isProviderReport(status: string): status is OutboxState {
  return status === 'sent' || status === 'delivered' || status === 'read' || status === 'failed';
}
