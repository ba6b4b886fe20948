import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { clientMessage, type ServerMessage } from '../../../src-shared/api/wire';
import type { Core } from '../../core/core.types';
import { tokensMatch } from './access-token';

/** Bounds what one message may cost the host before it is parsed; notes are capped far below this. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * Serves the typed API over a WebSocket. A connection must carry the host's token and come from the
 * host's own origin: the origin check stops a web page in the user's browser from driving the API.
 */
export function createApiSocket(core: Core, token: string, allowedOrigins: () => string[]) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  wss.on('connection', (socket: WebSocket) => {
    const send = (message: ServerMessage) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    const unsubscribe = core.onEvent((name, payload) => send({ type: 'event', name, payload }));
    socket.on('close', unsubscribe);
    socket.on('message', async (data) => {
      let parsed;
      try {
        parsed = clientMessage.safeParse(JSON.parse(data.toString()));
      } catch {
        parsed = null;
      }
      if (!parsed?.success) {
        socket.close(1003, 'Malformed request');
        return;
      }
      const { id, name, input } = parsed.data;
      send({ type: 'response', id, result: await core.dispatch(name, input) });
    });
  });

  return {
    /** Answers 401, 403 or 404 and closes the socket when the upgrade is refused. */
    handleUpgrade(req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer): void {
      const url = new URL(req.url ?? '/', 'http://placeholder');
      const refuse = (status: number, reason: string) => {
        socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n\r\n`);
      };
      if (url.pathname !== '/api') return refuse(404, 'Not Found');
      if (!allowedOrigins().includes(req.headers.origin ?? '')) return refuse(403, 'Forbidden');
      if (!tokensMatch(token, url.searchParams.get('token'))) return refuse(401, 'Unauthorized');
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close(): void {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}
