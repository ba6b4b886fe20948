import type { Store } from '../store/open-store';

/** When the conversation's newest message or call happened (notes and system events do not count). */
export function lastCustomerVisibleAt(store: Store, conversationId: string): number | null {
  return (
    (store.sqlite
      .prepare(`SELECT max(occurred_at) FROM entries WHERE conversation_id = ? AND kind IN ('message', 'call')`)
      .pluck()
      .get(conversationId) as number | null) ?? null
  );
}
