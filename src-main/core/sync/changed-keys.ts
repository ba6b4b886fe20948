import type * as Y from 'yjs';

/** The keys a transaction changed in one shared map (found by identity: Yjs' typings are invariant here). */
export function changedKeys(transaction: Y.Transaction, type: unknown): string[] {
  for (const [changedType, keys] of transaction.changed) {
    if (changedType === type) return [...keys].filter((key): key is string => key !== null);
  }
  return [];
}
