import { eq } from 'drizzle-orm';
import { ApiError } from '../../../src-shared/api/result';
import { canMove, type OutboxState } from '../../../src-shared/domain/outbox';
import { entries, outbox } from '../store/schema';
import type { StoreDb } from '../store/open-store';
import { sharedTimelineOf } from '../sync/shared-timeline';
import { sharedOutboxOf } from './shared-outbox';

export type OutboxItem = typeof outbox.$inferSelect;

export function getOutboxItem(db: StoreDb, itemId: string): OutboxItem | null {
  return db.select().from(outbox).where(eq(outbox.id, itemId)).get() ?? null;
}

/**
 * Moves an item from `from` to `to`, and its entry's delivery status with it, in one transaction. The
 * caller names the state it expects, so a stale screen cannot retry what was since sent or approve by
 * way of a retry; and only moves of DESIGN.md's lifecycle are possible at all.
 */
export function moveOutboxItem(
  db: StoreDb,
  itemId: string,
  from: OutboxState,
  to: OutboxState,
  change: { lastError?: string | null; now?: number } = {},
): OutboxItem {
  if (!canMove(from, to)) throw new Error(`The outbox has no move from ${from} to ${to}`);
  return db.transaction(() => {
    const item = getOutboxItem(db, itemId);
    if (!item) throw new ApiError('not_found', 'That outgoing message does not exist.');
    if (item.state !== from) {
      throw new ApiError('conflict', `This message is ${describeState(item.state)} now, not ${describeState(from)}; nothing was changed.`);
    }
    const moved = db
      .update(outbox)
      .set({
        state: to,
        updatedAt: change.now ?? Date.now(),
        attempts: to === 'sending' ? item.attempts + 1 : item.attempts,
        ...(change.lastError !== undefined ? { lastError: change.lastError } : {}),
      })
      .where(eq(outbox.id, itemId))
      .returning()
      .get();
    const entry = db.update(entries).set({ deliveryStatus: to }).where(eq(entries.id, item.entryId)).returning({ occurredAt: entries.occurredAt }).get();
    sharedOutboxOf(db.$client)?.move(itemId, to, { at: moved.updatedAt, error: moved.lastError ?? null });
    if (entry) {
      sharedTimelineOf(db.$client)?.advanceStatus(item.entryId, entry.occurredAt, {
        status: to,
        error: moved.lastError ?? null,
        at: moved.updatedAt,
        attempt: moved.attempts,
      });
    }
    return moved;
  });
}

function describeState(state: OutboxState): string {
  return state.replace('_', ' ');
}
