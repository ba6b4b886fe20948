import type * as Y from 'yjs';

/**
 * How much one document transaction may carry. Every transaction becomes one update, stored as one
 * row and sent as one message; the sync-server refuses messages over its limit (1 MiB by default), so
 * a large import is written as several updates well under it.
 */
export const MAX_TRANSACTION_BYTES = 256 * 1024;

/** Applies `write` to every item, in as many transactions as it takes to keep each under the budget. */
export function writeInBoundedTransactions<T>(
  doc: Y.Doc,
  items: readonly T[],
  sizeOf: (item: T) => number,
  write: (item: T) => void,
  origin: unknown,
): void {
  let start = 0;
  while (start < items.length) {
    let end = start;
    let bytes = 0;
    do {
      bytes += sizeOf(items[end] as T);
      end += 1;
    } while (end < items.length && bytes + sizeOf(items[end] as T) <= MAX_TRANSACTION_BYTES);
    const batch = items.slice(start, end);
    doc.transact(() => batch.forEach(write), origin);
    start = end;
  }
}
