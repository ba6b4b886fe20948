import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { SyncState } from '../../../src-shared/domain/team';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const INITIAL_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10_000;
/**
 * Close codes after which retrying cannot help: the server said this member may not be here (44xx),
 * or refused an update as too large (1009), which sending it again would not change.
 */
const FINAL_CLOSE_CODES = new Set([1009, 4401, 4403]);
/** Past this, the answer to the server's state vector is sent as the stored updates it lacks, one by one. */
const MAX_HANDSHAKE_BYTES = 512 * 1024;

export type SyncStatus = SyncState;

export interface SyncConnectionOptions {
  /** The sync-server's base URL, e.g. ws://127.0.0.1:4900 */
  serverUrl: string;
  token: string;
  room: string;
  doc: Y.Doc;
  onStatus?: (status: SyncStatus) => void;
  /**
   * Runs the application of one server message; the app passes a SQLite transaction, so storing an
   * update and materializing it into the inbox rows commit together or not at all.
   */
  atomically?: (apply: () => void) => void;
  /**
   * The stored updates, each reduced to what a peer with this state vector lacks. A PC that was
   * offline for long would otherwise answer the server with one update over the server's limit.
   */
  missingPieces?: (stateVector: Uint8Array) => Uint8Array[];
}

/**
 * Keeps one document in step with the sync-server over the y-websocket protocol. Each (re)connect
 * starts with the state-vector handshake, so whatever either side wrote while apart is exchanged;
 * live local updates are sent as they happen. It retries with backoff until closed, except when the
 * server refuses the member, which no retry can fix.
 */
export function connectRoom(options: SyncConnectionOptions): { close(): void; status(): SyncStatus } {
  const { doc } = options;
  let socket: WebSocket | null = null;
  let closed = false;
  let backoff = INITIAL_BACKOFF_MS;
  let offlineSince: number | null = null;
  let status: SyncStatus = { state: 'connecting' };
  let retryTimer: NodeJS.Timeout | null = null;
  const atomically = options.atomically ?? ((apply: () => void) => apply());

  const setStatus = (next: SyncStatus) => {
    status = next;
    options.onStatus?.(next);
  };
  const send = (encoder: encoding.Encoder) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(encoding.toUint8Array(encoder));
  };
  const sendLocalUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === connection) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    send(encoder);
  };

  const connection = {
    close(): void {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      doc.off('update', sendLocalUpdate);
      socket?.close();
    },
    status: () => status,
  };

  function open(): void {
    const url = `${options.serverUrl.replace(/\/$/, '')}/sync/${encodeURIComponent(options.room)}`;
    const ws = new WebSocket(url, { headers: { Authorization: `Bearer ${options.token}` } });
    ws.binaryType = 'arraybuffer';
    socket = ws;
    ws.on('open', () => {
      backoff = INITIAL_BACKOFF_MS;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, doc);
      send(encoder);
    });
    ws.on('message', (data: ArrayBuffer) => {
      // A closing socket still delivers what was in flight; once closed, the store may be gone.
      if (closed) return;
      try {
        atomically(() => handleMessage(new Uint8Array(data)));
      } catch (error) {
        // Nothing of the message was stored (the transaction rolled back), so the next start fetches
        // it again; until then this room reconnects rather than take the whole app down.
        console.error(`[switchboard] an update of ${options.room} could not be stored; reconnecting:`, error);
        ws.terminate();
      }
    });
    ws.on('unexpected-response', (_req, res) => {
      const status = res.statusCode ?? 0;
      // A server error (shutting down, restarting) passes: 'close' follows and schedules the retry.
      if (status < 500) {
        closed = true;
        setStatus({ state: 'refused', reason: status === 401 ? 'the server does not know this PC’s token' : `the server refused this room (HTTP ${status})` });
      }
      ws.terminate();
    });
    ws.on('close', (code, reason) => {
      if (socket !== ws) return;
      socket = null;
      if (FINAL_CLOSE_CODES.has(code)) {
        closed = true;
        setStatus({ state: 'refused', reason: refusal(code, reason.toString()) });
      }
      if (closed) return;
      offlineSince ??= Date.now();
      setStatus({ state: 'offline', since: offlineSince, retryInMs: backoff });
      retryTimer = setTimeout(open, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    });
    ws.on('error', () => {
      // 'close' follows and schedules the retry; the error itself carries nothing more to act on.
    });
  }

  function handleMessage(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_AWARENESS) return;
    if (type !== MESSAGE_SYNC) return;
    if (answerInPieces(message)) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MESSAGE_SYNC);
    const syncType = syncProtocol.readSyncMessage(decoder, reply, doc, connection);
    if (encoding.length(reply) > 1) send(reply);
    if (syncType === syncProtocol.messageYjsSyncStep2 && status.state !== 'synced') {
      offlineSince = null;
      setStatus({ state: 'synced' });
    }
  }

  /** Answers the server's sync step 1 with several updates when one would be too large. */
  function answerInPieces(message: Uint8Array): boolean {
    if (!options.missingPieces) return false;
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder);
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep1) return false;
    const stateVector = decoding.readVarUint8Array(decoder);
    if (Y.encodeStateAsUpdate(doc, stateVector).byteLength <= MAX_HANDSHAKE_BYTES) return false;
    for (const piece of options.missingPieces(stateVector)) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, piece);
      send(encoder);
    }
    return true;
  }

  doc.on('update', sendLocalUpdate);
  open();
  return connection;
}

function refusal(code: number, reason: string): string {
  if (code === 1009) return `the server refused an update as too large (${reason || 'over its size limit'})`;
  return reason || `closed with ${code}`;
}
