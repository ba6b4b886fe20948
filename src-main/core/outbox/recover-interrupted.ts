import { eq } from 'drizzle-orm';
import { outbox } from '../store/schema';
import type { StoreDb } from '../store/open-store';
import { moveOutboxItem } from './outbox-repo';

export const INTERRUPTED_SEND = 'Switchboard stopped while sending this message, so it may or may not have gone out.';

/**
 * Run when the store opens: an item still `sending` belongs to an executor that died mid-send. The
 * provider may have accepted it, so it becomes `unknown` for a person to decide; it is never sent
 * again on its own.
 */
export function recoverInterruptedSends(db: StoreDb): void {
  const interrupted = db.select({ id: outbox.id }).from(outbox).where(eq(outbox.state, 'sending')).all();
  for (const { id } of interrupted) moveOutboxItem(db, id, 'sending', 'unknown', { lastError: INTERRUPTED_SEND });
}
