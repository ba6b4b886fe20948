import type { DeliveryStatus } from '../../../src-shared/domain/timeline';

const TICKS: Partial<Record<DeliveryStatus, string>> = { sent: '✓', delivered: '✓✓', read: '✓✓', played: '✓✓' };

/** WhatsApp's ticks beside the status word: one when sent, two when delivered, blue when read or played. */
export function DeliveryTicks({ status }: { status: DeliveryStatus }) {
  const ticks = TICKS[status];
  if (!ticks) return null;
  return (
    <span className={`delivery-ticks delivery-ticks--${status}`} aria-hidden="true" data-testid="delivery-ticks">
      {ticks}
    </span>
  );
}
