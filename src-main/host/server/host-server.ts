import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../../core/core.types';
import { createApiSocket } from './api-socket';
import { serveStatic } from './static-files';

export interface HostServer {
  port: number;
  /** The address to open, carrying the access token in the fragment so it never reaches a log. */
  url: string;
  close(): Promise<void>;
}

/** Listens on loopback only: the headless host is for this machine's browser, not the network. */
export async function startHostServer(options: { core: Core; rendererDir: string; token: string; port: number }): Promise<HostServer> {
  let origins: string[] = [];
  const api = createApiSocket(options.core, options.token, () => origins);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    void serveStatic(options.rendererDir, req.url ?? '/', req.headers.host ?? '127.0.0.1', res);
  });
  server.on('upgrade', (req, socket, head) => api.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  return {
    port,
    url: `http://127.0.0.1:${port}/#token=${options.token}`,
    close: () =>
      new Promise((resolve) => {
        api.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
