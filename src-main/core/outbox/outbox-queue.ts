import { and, asc, eq } from 'drizzle-orm';
import type { Channel } from '../../../src-shared/domain/timeline';
import { outbox } from '../store/schema';
import type { StoreDb } from '../store/open-store';
import { moveOutboxItem, type OutboxItem } from './outbox-repo';

/**
 * The executor's side of the outbox. `claimNext` commits `sending` before the provider is called, so a
 * crash during the call leaves evidence that it may have gone out. The write lock is taken up front so
 * two executors over one store cannot claim the same item.
 */
export function createOutboxQueue(db: StoreDb, channel: Channel) {
  return {
    claimNext(): OutboxItem | null {
      return db.transaction(
        () => {
          const next = db
            .select({ id: outbox.id })
            .from(outbox)
            .where(and(eq(outbox.channel, channel), eq(outbox.state, 'queued')))
            .orderBy(asc(outbox.createdAt), asc(outbox.id))
            .get();
          return next ? moveOutboxItem(db, next.id, 'queued', 'sending') : null;
        },
        { behavior: 'immediate' },
      );
    },
    failed: (itemId: string, error: string) => moveOutboxItem(db, itemId, 'sending', 'failed', { lastError: error }),
  };
}

export type OutboxQueue = ReturnType<typeof createOutboxQueue>;
