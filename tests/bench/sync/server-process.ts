import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkspace } from '../../../sync-server/auth/invites';
import { openServerDb } from '../../../sync-server/store/server-db';

export type ChildRequest = { type: 'memory'; id: number } | { type: 'close' };
export type ChildReply =
  | { type: 'listening'; port: number }
  | { type: 'memory'; id: number; gcExposed: boolean; rss: number; heapUsed: number; external: number; arrayBuffers: number }
  | { type: 'closed' };
export type MemoryReading = Omit<Extract<ChildReply, { type: 'memory' }>, 'type' | 'id'>;

export interface BenchMember {
  workspaceId: string;
  memberId: string;
  token: string;
  role: string;
}

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'server-main.ts');

/** The real sync-server in a child process on loopback, with a throwaway data folder. */
export class ServerProcess {
  private nextId = 1;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly dataDir: string,
  ) {}

  static async start(options: { idleUnloadMs?: number } = {}): Promise<ServerProcess> {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-sync-bench-'));
    const child = fork(ENTRY, [], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      env: { ...process.env, BENCH_SYNC_DATA: dataDir, BENCH_SYNC_IDLE_UNLOAD_MS: String(options.idleUnloadMs ?? 30_000) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the sync-server child exited with ${code} before listening`)));
      child.on('message', (reply: ChildReply) => {
        if (reply.type === 'listening') resolve(reply.port);
      });
    });
    return new ServerProcess(child, port, dataDir);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What connectRoom takes as the server's base URL. */
  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** The child's memory after a full GC (when node was given --expose-gc, which start() does). */
  memory(): Promise<MemoryReading> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      const onReply = (reply: ChildReply) => {
        if (reply.type !== 'memory' || reply.id !== id) return;
        this.child.off('message', onReply);
        const { type: _type, id: _id, ...reading } = reply;
        resolve(reading);
      };
      this.child.on('message', onReply);
      this.child.send({ type: 'memory', id } satisfies ChildRequest);
    });
  }

  async healthz(): Promise<{ rooms: number; connections: number }> {
    const response = await fetch(`${this.httpUrl}/healthz`);
    return (await response.json()) as { rooms: number; connections: number };
  }

  /** Creates the workspace in the server's files, redeems the owner invite, then invites `others` agents. */
  async workspace(workspaceId: string, others = 0): Promise<BenchMember[]> {
    const db = openServerDb(this.dataDir);
    const { code } = createWorkspace(db, workspaceId);
    db.close();
    const owner = await this.redeem(code, 'Owner');
    const members = [owner];
    for (let i = 1; i <= others; i++) {
      const invite = await this.post(`/workspaces/${workspaceId}/invites`, { role: 'agent' }, owner.token);
      members.push(await this.redeem((invite as { code: string }).code, `Agent ${i}`));
    }
    return members;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.send({ type: 'close' } satisfies ChildRequest);
      await exited;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async redeem(code: string, name: string): Promise<BenchMember> {
    return (await this.post('/invites/redeem', { code, name })) as BenchMember;
  }

  private async post(route: string, body: unknown, token?: string): Promise<unknown> {
    const response = await fetch(`${this.httpUrl}${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`POST ${route}: ${response.status} ${await response.text()}`);
    return response.json();
  }
}
