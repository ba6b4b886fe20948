import type { DeliveryStatus } from '../../src-shared/domain/timeline';

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  received: 'Received',
  pending_approval: 'Awaiting approval',
  queued: 'Queued',
  sending: 'Sending…',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  played: 'Played',
  failed: 'Failed',
  unknown: 'Status unknown',
};
