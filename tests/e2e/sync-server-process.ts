import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = 'bin/switchboard-sync.mjs';

export interface RunningSyncServer {
  url: string;
  stop(): Promise<void>;
}

/** Runs the built `switchboard-sync` command as an operator would, and returns what it printed. */
export function syncCommand(args: string[]): string {
  return execFileSync(process.execPath, [BIN, ...args], { cwd: root, encoding: 'utf8' });
}

/** The single-use invite code `workspace add` or `workspace invite` printed. */
export function printedCode(output: string): string {
  const match = /Invite code \([a-z_]+, single use\): (\S+)/.exec(output);
  if (!match?.[1]) throw new Error(`no invite code in:\n${output}`);
  return match[1];
}

/** A port nothing listens on now, for a server that must keep its address across a restart. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts `switchboard-sync serve` on `port` (fixed, so a restart keeps the address the PCs know). */
export function startSyncServer(dataDir: string, port: number): Promise<RunningSyncServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [BIN, 'serve', '--data', dataDir, '--port', String(port), '--host', '127.0.0.1', '--public-url', url], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`switchboard-sync did not start within 20 s:\n${output}`)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve({ url, stop: () => stop(child) });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`switchboard-sync exited with ${code}:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
