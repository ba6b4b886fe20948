import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { appendAll, exitOf, spawnEmailSync } from '../integration/email-sync/email-sync-harness';
import { connectImap, startMailServer } from '../support/mail-server';

/**
 * A data folder filled the way a shop's would be: the messages go into a real Dovecot INBOX and
 * `switchboard email sync --once` brings them into the store. The mail server is gone afterwards.
 */
export async function syncedDataFolder(messages: Buffer[]): Promise<string> {
  const server = await startMailServer();
  try {
    const client = await connectImap(server);
    await appendAll(client, 'INBOX', messages);
    await client.logout();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-e2e-email-'));
    const sync = await exitOf(spawnEmailSync(server, dataDir, ['--once']));
    if (sync.code !== 0) throw new Error(`email sync failed (${sync.code}):\n${sync.stdout}\n${sync.stderr}`);
    return dataDir;
  } finally {
    await server.stop();
  }
}

export interface RequestLog {
  origin: string;
  /** Every path asked for, in order. */
  paths: string[];
  close(): Promise<void>;
}

// A 1×1 PNG: a real image, so a loaded <img> is a loaded image and not an error.
export const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A loopback web server that stands for every tracker and image host, and counts what reaches it. */
export async function startRequestLog(): Promise<RequestLog> {
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    paths.push(req.url ?? '');
    // Never cached: each load must show up here as a request.
    res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' });
    res.end(PIXEL);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    paths,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // The page may still hold keep-alive connections, which would keep close() waiting.
        server.closeAllConnections();
      }),
  };
}
