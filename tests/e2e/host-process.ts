import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningHost {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the built `switchboard host` as a user would, and waits for the URL it prints. `env` is added
 * to this process's environment (e.g. SWITCHBOARD_SECRET_KEY). `entry` is what Node runs: the built
 * command, or a test's own entry (the WhatsApp tests replace the socket there).
 */
export function startHost(dataDir: string, extraArgs: string[] = [], env: Record<string, string> = {}, entry: string[] = ['bin/switchboard.mjs']): Promise<RunningHost> {
  const child = spawn(process.execPath, [...entry, 'host', '--data', dataDir, '--port', '0', ...extraArgs], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host printed no URL within 20 s:\n${output}`)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], stop: () => stop(child) });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
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
