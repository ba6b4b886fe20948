import * as Y from 'yjs';
import type { UpdateLog } from './update-log';

/** Origin of updates replayed from the local log: they are stored already. */
const FROM_LOG = Symbol('from-log');

/**
 * One shared document on this PC. It starts from the local log, so it opens offline, and persists
 * every later update (local edits and the server's) in the log before any other observer sees it:
 * the persisting handler is registered first, and Yjs calls update handlers in order.
 */
export function openRoomReplica(log: UpdateLog, room: string): { room: string; doc: Y.Doc; destroy(): void } {
  const doc = new Y.Doc();
  // One transaction for the whole log: Yjs then cleans up (merges, forgets deleted content) once, not per row.
  doc.transact(() => {
    for (const update of log.load(room)) Y.applyUpdate(doc, update, FROM_LOG);
  }, FROM_LOG);
  const persist = (update: Uint8Array, origin: unknown) => {
    if (origin === FROM_LOG) return;
    log.append(room, update);
    log.compactIfLarge(room, doc);
  };
  doc.on('update', persist);
  return {
    room,
    doc,
    destroy: () => {
      doc.off('update', persist);
      log.snapshotIfBehind(room, doc);
      doc.destroy();
    },
  };
}

export type RoomReplica = ReturnType<typeof openRoomReplica>;
