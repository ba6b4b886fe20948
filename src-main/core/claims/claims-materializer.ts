import type Database from 'better-sqlite3';
import type * as Y from 'yjs';
import type { ClaimLog } from './claim-log';

/**
 * Keeps conversations.assignee_id equal to what the claim log resolves to. Every document transaction
 * that touches claims becomes one SQLite transaction; at start every conversation with claims is
 * written again, so a crash between storing an update and applying it leaves nothing behind.
 */
export function materializeClaims(
  sqlite: Database.Database,
  doc: Y.Doc,
  log: ClaimLog,
  onChanged: (conversationIds: string[]) => void,
): () => void {
  const setAssignee = sqlite.prepare(
    'UPDATE conversations SET assignee_id = ? WHERE id = ? AND assignee_id IS NOT ?',
  );
  const apply = sqlite.transaction((conversationIds: Iterable<string>) => {
    for (const id of conversationIds) {
      const owner = log.resolve(id).ownerId;
      setAssignee.run(owner, id, owner);
    }
  });

  apply(log.conversationIds());
  log.takeTouched();
  // Every touched conversation is announced, not only those whose owner changed: a stamp that
  // settles a pending claim (won or lost) changes what its author is shown.
  const onTransaction = () => {
    const touched = log.takeTouched();
    if (touched.size === 0) return;
    apply(touched);
    onChanged([...touched]);
  };
  doc.on('afterTransaction', onTransaction);
  return () => doc.off('afterTransaction', onTransaction);
}
