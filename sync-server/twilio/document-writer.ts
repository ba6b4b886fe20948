import type * as Y from 'yjs';
import type { Room } from '../../src-shared/sync/rooms';

/**
 * A change the server makes to a room: applied, stored and broadcast like a client's update (see
 * Room.write); a room not in memory is loaded first.
 */
export type WriteRoom = <T>(room: Room, change: (doc: Y.Doc) => T) => Promise<T>;
