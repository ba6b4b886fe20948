import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestServer } from './harness';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CODE = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}/;

/** Runs the CLI from source the way the bin runs the bundle, with real argv and exit codes. */
function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/cli/entry.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('switchboard-sync CLI', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-sync-cli-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates a workspace whose printed owner code redeems once; invites and removes members', async () => {
    const added = cli(['workspace', 'add', 'acme', '--data', dataDir]);
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('Created workspace "acme".');
    const ownerCode = CODE.exec(added.stdout)?.[0] ?? '';
    expect(cli(['workspace', 'add', 'acme', '--data', dataDir])).toMatchObject({ status: 1, stderr: expect.stringContaining('already exists') });

    const invited = cli(['workspace', 'invite', 'acme', '--role', 'agent', '--data', dataDir]);
    expect(invited.status).toBe(0);
    const agentCode = CODE.exec(invited.stdout)?.[0] ?? '';
    expect(cli(['workspace', 'invite', 'acme', '--role', 'boss', '--data', dataDir]).status).toBe(2);
    expect(cli(['workspace', 'invite', 'nowhere', '--role', 'agent', '--data', dataDir]).status).toBe(1);

    const server = await TestServer.start({ dataDir });
    try {
      const owner = await server.redeem(ownerCode, 'Dana');
      expect(owner).toMatchObject({ workspaceId: 'acme', role: 'owner' });
      expect((await server.request('POST', '/invites/redeem', { code: ownerCode, name: 'Eve' })).status).toBe(410);
      const agent = await server.redeem(agentCode, 'Front desk');

      const listed = cli(['workspace', 'members', 'acme', '--data', dataDir]);
      expect(listed.stdout.trim().split('\n')).toEqual([`${owner.memberId}\towner\tDana`, `${agent.memberId}\tagent\tFront desk`]);
      expect(cli(['workspace', 'remove-member', 'acme', agent.memberId, '--data', dataDir]).status).toBe(0);
      expect(cli(['workspace', 'remove-member', 'acme', agent.memberId, '--data', dataDir]).status).toBe(1);
      expect((await server.request('POST', '/workspaces/acme/invites', { role: 'agent' }, agent.token)).status).toBe(401);
    } finally {
      await server.server.close();
    }
  });

  it('serves until SIGTERM, stores the public URL, and rejects a bad one', async () => {
    expect(cli(['serve', '--data', dataDir, '--public-url', 'ftp://example.com'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--public-url must be an http(s) URL'),
    });

    const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/cli/entry.ts', 'serve', '--port', '0', '--data', dataDir, '--public-url', 'https://sync.example.com/'], {
      cwd: root,
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line in: ${stdout}`)), 15_000);
      child.stdout.on('data', () => {
        const match = /switchboard-sync listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true, rooms: 0, connections: 0 });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('switchboard-sync stopped.');

    const added = cli(['workspace', 'add', 'acme', '--data', dataDir]);
    expect(added.stdout).toContain('curl -X POST https://sync.example.com/invites/redeem');
  });
});
