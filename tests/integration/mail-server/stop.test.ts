import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { postfixCheck, startMailServer, type MailServer } from '../../support/mail-server';
import { isPortClosed } from '../../support/mail-server/wait-for-port';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');

function allPorts(server: MailServer): Array<[string, number]> {
  return [
    [server.imap.host, server.imap.port],
    [server.imaps.host, server.imaps.port],
    [server.lmtp.host, server.lmtp.port],
    [server.smtp.host, server.smtp.port],
    [server.smtps.host, server.smtps.port],
  ];
}

async function closedPorts(ports: Array<[string, number]>): Promise<boolean[]> {
  return Promise.all(ports.map(([host, port]) => isPortClosed(host, port)));
}

const started: MailServer[] = [];
afterAll(async () => {
  await Promise.all(started.map((server) => server.stop()));
}, 60_000);

describe('starting and stopping the harness mail server', () => {
  it('generates a Postfix configuration that `postfix check` accepts without warnings', async () => {
    const server = await startMailServer();
    started.push(server);
    expect(() => postfixCheck(server.postfixConfigDir)).not.toThrow();
    // Without a terminal, postfix check reports its warnings in the mail log, not on stderr.
    const maillog = readFileSync(path.join(server.dir, 'postfix', 'maillog'), 'utf8');
    expect(maillog.split('\n').filter((line) => /warning|fatal|error/i.test(line))).toEqual([]);
  }, 60_000);

  it('runs two servers side by side on different ports', async () => {
    const [a, b] = await Promise.all([startMailServer(), startMailServer()]);
    started.push(a, b);
    const portsA = allPorts(a).map(([host, port]) => `${host}:${port}`);
    const portsB = allPorts(b).map(([host, port]) => `${host}:${port}`);
    expect(portsA.filter((p) => portsB.includes(p))).toEqual([]);
    expect(a.dir).not.toBe(b.dir);
  }, 60_000);

  it('stop() closes every port and removes the temp folder', async () => {
    const server = await startMailServer();
    const ports = allPorts(server);
    expect(await closedPorts(ports)).toEqual(ports.map(() => false));

    await server.stop();
    expect(await closedPorts(ports)).toEqual(ports.map(() => true));
    expect(existsSync(server.dir)).toBe(false);
    // A second stop is harmless, so afterAll hooks can always call it.
    await server.stop();
  }, 60_000);

  it('cleans up after a test process that is killed without calling stop()', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures', 'start-and-wait.ts')], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const report = await new Promise<{ dir: string; ports: number[] }>((resolve, reject) => {
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) resolve(JSON.parse(stdout.split('\n')[0]!));
      });
      child.once('exit', (code) => reject(new Error(`fixture exited with ${code}: ${stderr}`)));
    });
    const ports = report.ports.map((port): [string, number] => ['127.0.0.1', port]);
    expect(await closedPorts(ports)).toEqual(ports.map(() => false));

    // SIGKILL: no exit hook runs, so only the watchdog can clean up.
    child.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    let closed = await closedPorts(ports);
    while ((closed.includes(false) || existsSync(report.dir)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      closed = await closedPorts(ports);
    }
    expect(closed).toEqual(ports.map(() => true));
    expect(existsSync(report.dir)).toBe(false);
  }, 60_000);
});
