import type { DeliveryStatus } from '../../../../src-shared/domain/timeline';

/** `WebMessageInfo.Status` of WAProto, by number and by name: dumps carry either. */
const BY_NUMBER: Record<number, DeliveryStatus> = {
  0: 'failed',
  1: 'sending',
  2: 'sent',
  3: 'delivered',
  4: 'read',
  5: 'played',
};
const NAMES = ['ERROR', 'PENDING', 'SERVER_ACK', 'DELIVERY_ACK', 'READ', 'PLAYED'];

/** Null for an absent or unknown status, which then changes nothing. */
export function deliveryStatusOf(status: number | string | null | undefined): DeliveryStatus | null {
  if (status === null || status === undefined) return null;
  const number = typeof status === 'number' ? status : NAMES.indexOf(status.toUpperCase());
  return BY_NUMBER[number] ?? null;
}
