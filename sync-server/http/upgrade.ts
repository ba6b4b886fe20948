import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { parseRoomName, type Room } from '../../src-shared/sync/rooms';
import { authenticate, type MemberIdentity } from '../auth/members';
import { bearerToken } from '../auth/tokens';
import type { ServerDb } from '../store/server-db';

/** Rooms are addressed as `/sync/<room name>`, the name's slashes either literal or encoded as %2F. */
export const SYNC_PATH_PREFIX = '/sync/';

export type UpgradeDecision =
  | { ok: true; member: MemberIdentity; roomName: string; room: Room }
  | { ok: false; status: 401 | 403 | 404; message: string };

/**
 * Decides a WebSocket upgrade from its path and Authorization header alone, before any handshake, so a
 * refused caller never receives a byte of a document.
 */
export function authorizeUpgrade(db: ServerDb, request: { path: string; authorization: string | undefined }): UpgradeDecision {
  if (!request.path.startsWith(SYNC_PATH_PREFIX)) return { ok: false, status: 404, message: 'Not found.' };
  const token = bearerToken(request.authorization);
  const member = token ? authenticate(db, token) : null;
  if (!member) return { ok: false, status: 401, message: 'A valid member token is required.' };
  const roomName = decodeRoomName(request.path.slice(SYNC_PATH_PREFIX.length));
  const room = roomName === null ? null : parseRoomName(roomName);
  if (roomName === null || !room) return { ok: false, status: 403, message: 'Not a room name.' };
  if (room.workspaceId !== member.workspaceId) return { ok: false, status: 403, message: 'This token belongs to another workspace.' };
  return { ok: true, member, roomName, room };
}

/** Answers the upgrade request with a plain HTTP error and hangs up. */
export function rejectUpgrade(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: message });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Connection: close\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function decodeRoomName(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}
