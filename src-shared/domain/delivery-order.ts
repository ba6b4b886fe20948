import type { DeliveryStatus } from './timeline';

/**
 * How far along a message is. Providers report statuses out of order, skip some, and report from
 * several devices, so a status only ever replaces one that is not further along: a late "sent" never
 * undoes "delivered". Failure sits after "sent" and before "delivered": a provider that failed to
 * deliver never later delivers, but a "delivered" that raced ahead of a stale failure wins.
 * Retrying a failed item is a person's decision and goes through the outbox, not through this order.
 */
const RANK: Record<DeliveryStatus, number> = {
  received: 0,
  pending_approval: 0,
  queued: 1,
  sending: 2,
  unknown: 3,
  sent: 4,
  failed: 5,
  delivered: 6,
  read: 7,
  played: 8,
};

export function isFurther(next: DeliveryStatus, current: DeliveryStatus | null): boolean {
  return current === null || RANK[next] > RANK[current];
}

export function furthestStatus(a: DeliveryStatus, b: DeliveryStatus): DeliveryStatus {
  return isFurther(b, a) ? b : a;
}
