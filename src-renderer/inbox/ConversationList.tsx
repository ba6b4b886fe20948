import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useNow } from '../app/use-now';
import { useInboxStore } from '../stores/inbox-store';
import { useThreadStore } from '../stores/thread-store';
import { EmptyState } from '../ui/EmptyState';
import { ConversationRow, ROW_HEIGHT } from './ConversationRow';

/** Start fetching the next page this many rows before the end, so scrolling rarely hits the bottom. */
const PREFETCH_ROWS = 30;

export function ConversationList() {
  const rows = useInboxStore((state) => state.rows);
  const status = useInboxStore((state) => state.status);
  const error = useInboxStore((state) => state.error);
  const hasMore = useInboxStore((state) => state.nextCursor !== null);
  const loadingMore = useInboxStore((state) => state.loadingMore);
  const moreError = useInboxStore((state) => state.moreError);
  const openId = useThreadStore((state) => state.openId);
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && moreError === null && lastVisible >= rows.length - PREFETCH_ROWS) {
      void useInboxStore.getState().loadMore();
    }
  }, [hasMore, loadingMore, moreError, lastVisible, rows.length]);

  const select = useCallback((conversationId: string) => void useThreadStore.getState().open(conversationId), []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const current = rows.findIndex((row) => row.id === openId);
    const next = Math.min(rows.length - 1, Math.max(0, current + (event.key === 'ArrowDown' ? 1 : -1)));
    const target = rows[next];
    if (!target) return;
    select(target.id);
    virtualizer.scrollToIndex(next);
  }

  if (status === 'loading' && rows.length === 0) return <div className="list-status">Loading conversations…</div>;
  if (status === 'error' && rows.length === 0) {
    return (
      <div className="list-status list-status--error" role="alert">
        Could not load conversations: {error}
      </div>
    );
  }
  if (rows.length === 0) return <EmptyState title="No conversations here">Nothing matches this filter.</EmptyState>;

  return (
    <div
      ref={scrollRef}
      className="conversation-list"
      role="listbox"
      aria-label="Conversations"
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div className="conversation-list__canvas" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <ConversationRow
              key={row.id}
              row={row}
              selected={row.id === openId}
              now={now}
              top={item.start}
              onSelect={select}
            />
          );
        })}
      </div>
      {loadingMore && <div className="list-status list-status--more">Loading more…</div>}
      {moreError !== null && (
        <div className="list-status list-status--more list-status--error" role="alert">
          Could not load more: {moreError}{' '}
          <button type="button" className="link-button" onClick={() => void useInboxStore.getState().loadMore()}>
            Retry
          </button>
        </div>
      )}
    </div>
  );
}
