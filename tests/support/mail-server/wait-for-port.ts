import net from 'node:net';
import tls from 'node:tls';

export interface WaitForPortOptions {
  host: string;
  port: number;
  /** What the first bytes must match; a port that accepts but has no working daemon behind it does not count. */
  banner?: RegExp;
  /** Implicit TLS: the handshake must succeed against this CA before the banner is read. */
  tlsCa?: string;
  timeoutMs: number;
  /** Checked between attempts so a daemon that died at start fails at once instead of after the timeout. */
  stillRunning?: () => boolean;
  describe: string;
}

/** Resolves once `host:port` accepts a connection (and sends `banner`, when given). */
export async function waitForPort(options: WaitForPortOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = 'no attempt made';
  while (Date.now() < deadline) {
    if (options.stillRunning && !options.stillRunning()) {
      throw new Error(`${options.describe}: the daemon exited before ${options.host}:${options.port} was ready (${lastError})`);
    }
    const outcome = await probe(options, Math.min(2_000, deadline - Date.now()));
    if (outcome === true) return;
    lastError = outcome;
    await sleep(50);
  }
  throw new Error(`${options.describe}: ${options.host}:${options.port} not ready after ${options.timeoutMs} ms (${lastError})`);
}

/** True once a connection to `host:port` is refused, meaning nothing listens any more. */
export async function isPortClosed(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

function probe({ host, port, banner, tlsCa }: WaitForPortOptions, timeoutMs: number): Promise<true | string> {
  return new Promise((resolve) => {
    let received = '';
    // A bare TCP probe of a TLS port leaves "SSL_accept error" noise in the daemons' logs.
    const socket = tlsCa
      ? tls.connect({ host, port, ca: tlsCa, servername: net.isIP(host) ? undefined : host })
      : net.connect({ host, port });
    const finish = (result: true | string) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(Math.max(timeoutMs, 1));
    socket.once('timeout', () =>
      finish(banner ? `no banner matching ${banner} yet, got ${JSON.stringify(received)}` : 'connect timed out'),
    );
    socket.once('error', (error) => finish(error.message));
    socket.once(tlsCa ? 'secureConnect' : 'connect', () => {
      if (!banner) finish(true);
    });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (banner?.test(received)) finish(true);
    });
    socket.once('end', () => finish(`connection closed after ${JSON.stringify(received)}`));
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
