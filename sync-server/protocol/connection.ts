import { WebSocket, type RawData } from 'ws';
import type { MemberIdentity } from '../auth/members';
import { CLOSE_SERVER_ERROR, type Peer, type Room } from '../rooms/room';
import { CLOSE_MALFORMED, CLOSE_TOO_LARGE } from './close-codes';
import { formatBytes } from './format-bytes';
import { decodeClientMessage } from './messages';

const PING_INTERVAL_MS = 30_000;

export interface ConnectionOptions {
  maxUpdateBytes: number;
  log: (line: string) => void;
  onClose: (peer: Peer) => void;
}

/** Speaks the y-websocket protocol on one socket for one member in one room. */
export function attachConnection(socket: WebSocket, member: MemberIdentity, room: Room, options: ConnectionOptions): Peer {
  let closing = false;
  const peer: Peer = {
    memberId: member.id,
    send(message) {
      if (socket.readyState === WebSocket.OPEN) socket.send(message);
    },
    close(code, reason) {
      if (closing) return;
      closing = true;
      socket.close(code, reason);
    },
  };
  const fail = (code: number, reason: string) => (error: unknown) => {
    if (closing) return;
    options.log(`member ${member.id} in ${room.name}: ${reason}${error instanceof Error ? ` (${error.message})` : ''}`);
    peer.close(code, reason);
  };

  socket.on('message', (data: RawData) => {
    if (closing) return;
    let message;
    try {
      message = decodeClientMessage(toBytes(data));
    } catch (error) {
      fail(CLOSE_MALFORMED, 'malformed message')(error);
      return;
    }
    if (message.type === 'sync-step-1') {
      room.answerSyncStep1(peer, message.stateVector).catch(fail(CLOSE_MALFORMED, 'malformed state vector'));
    } else if (message.type === 'update') {
      if (message.update.byteLength > options.maxUpdateBytes) {
        const reason = `update of ${formatBytes(message.update.byteLength)} exceeds the ${formatBytes(options.maxUpdateBytes)} limit`;
        fail(CLOSE_TOO_LARGE, reason)(null);
        return;
      }
      room.receiveUpdate(peer, message.update).catch(fail(CLOSE_MALFORMED, 'malformed update'));
    } else if (message.type === 'awareness') {
      try {
        room.receiveAwareness(peer, message.update);
      } catch (error) {
        fail(CLOSE_MALFORMED, 'malformed awareness update')(error);
      }
    }
  });

  // A peer that vanished without a close frame (laptop lid shut) is found by its missing pong.
  let alive = true;
  socket.on('pong', () => {
    alive = true;
  });
  const pinger = setInterval(() => {
    if (!alive) socket.terminate();
    alive = false;
    socket.ping();
  }, PING_INTERVAL_MS);
  pinger.unref();

  socket.on('close', () => {
    closing = true;
    clearInterval(pinger);
    room.leave(peer);
    options.onClose(peer);
  });
  // ws closes the socket itself after an error (a bad frame, a frame over maxPayload).
  socket.on('error', (error) => options.log(`member ${member.id} in ${room.name}: socket error (${error.message})`));

  room.join(peer).catch(fail(CLOSE_SERVER_ERROR, 'the document could not be loaded'));
  return peer;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
