import type { TimelineEntry } from '../../../src-shared/domain/timeline';
import type { TimelineRecord } from '../../../src-shared/sync/timeline-doc';

/** An entry as the month document keeps it, less its contact, which the caller knows. */
export function recordOf(entry: TimelineEntry): Omit<TimelineRecord, 'contactId'> {
  const { id, conversationId, kind, channel, direction, authorMemberId, subject, body, occurredAt, deliveryStatus, attachments, call, autoReply } = entry;
  const record = { id, conversationId, kind, channel, direction, authorMemberId, subject, body, occurredAt, deliveryStatus, attachments, call };
  return autoReply ? { ...record, autoReply } : record;
}
