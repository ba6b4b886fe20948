import type * as Y from 'yjs';
import type { Room } from '../../src-shared/sync/rooms';
import { monthsOf } from '../../src-shared/sync/workspace-doc';

/**
 * A change the server makes to a room: applied, stored and broadcast like a client's update (see
 * Room.write); a room not in memory is loaded first.
 */
export type WriteRoom = <T>(room: Room, change: (doc: Y.Doc) => T) => Promise<T>;

/** PCs open the month documents the workspace document lists, so a month the server writes to is listed there. */
export function listMonth(workspaceDoc: Y.Doc, month: string): void {
  const months = monthsOf(workspaceDoc);
  if (!months.has(month)) months.set(month, true);
}
