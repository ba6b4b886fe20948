import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createWorkspace } from '../../../sync-server/auth/invites';
import { startSyncServer, type SyncServer, type SyncServerOptions } from '../../../sync-server/server';
import { openServerDb } from '../../../sync-server/store/server-db';
import { DOCUMENTS_FILE } from '../../../sync-server/store/sqlite-document-store';

/** A real server in a temp folder; `restart` closes it and starts another on the same folder and port. */
export class TestServer {
  private constructor(
    public server: SyncServer,
    readonly dataDir: string,
    private readonly options: Partial<SyncServerOptions>,
  ) {}

  static async start(options: Partial<SyncServerOptions> = {}): Promise<TestServer> {
    const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'switchboard-sync-'));
    return new TestServer(await startSyncServer({ dataDir, port: 0, log: () => {}, ...options }), dataDir, options);
  }

  get url(): string {
    return this.server.url;
  }

  get wsUrl(): string {
    return `${this.server.url.replace(/^http/, 'ws')}/sync`;
  }

  async restart(): Promise<void> {
    const port = this.server.port;
    await this.server.close();
    this.server = await startSyncServer({ dataDir: this.dataDir, port, log: () => {}, ...this.options });
  }

  /** Takes the server away without touching its data, as when its machine reboots; `resume` brings it back. */
  async pause(): Promise<void> {
    await this.server.close();
  }

  async resume(): Promise<void> {
    this.server = await startSyncServer({ dataDir: this.dataDir, port: this.server.port, log: () => {}, ...this.options });
  }

  async stop(): Promise<void> {
    await this.server.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Creates the workspace and redeems its owner invite over HTTP. */
  async workspace(workspaceId: string): Promise<Member> {
    const db = openServerDb(this.dataDir);
    const { code } = createWorkspace(db, workspaceId);
    db.close();
    return this.redeem(code, 'Owner');
  }

  async invite(owner: Member, role: string, name: string): Promise<Member> {
    const response = await this.request('POST', `/workspaces/${owner.workspaceId}/invites`, { role }, owner.token);
    if (response.status !== 201) throw new Error(`invite failed: ${response.status} ${JSON.stringify(response.body)}`);
    return this.redeem((response.body as { code: string }).code, name);
  }

  async redeem(code: string, name: string): Promise<Member> {
    const response = await this.request('POST', '/invites/redeem', { code, name });
    if (response.status !== 201) throw new Error(`redeem failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Member;
  }

  async request(method: string, route: string, body?: unknown, token?: string): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.url}${route}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  async healthz(): Promise<{ ok: boolean; rooms: number; connections: number }> {
    return (await this.request('GET', '/healthz')).body as { ok: boolean; rooms: number; connections: number };
  }

  /** What the store holds for a room, read straight from its SQLite file. */
  storedRows(room: string): Uint8Array[] {
    const db = new Database(path.join(this.dataDir, DOCUMENTS_FILE), { readonly: true });
    try {
      return db
        .prepare<[string], { data: Buffer }>('SELECT data FROM doc_updates WHERE room = ? ORDER BY id')
        .all(room)
        .map((row) => new Uint8Array(row.data));
    } finally {
      db.close();
    }
  }

  storedDoc(room: string): Y.Doc {
    const doc = new Y.Doc();
    for (const update of this.storedRows(room)) Y.applyUpdate(doc, update);
    return doc;
  }
}

export interface Member {
  workspaceId: string;
  memberId: string;
  token: string;
  role: string;
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Every close the server sent this client. */
  closes: { code: number; reason: string }[];
  synced(): Promise<void>;
  destroy(): void;
}

type ProviderOptions = NonNullable<ConstructorParameters<typeof WebsocketProvider>[3]>;

/** The stock y-websocket client, in Node, sending the member's token as a header like the app's main process does. */
export function connectClient(
  server: TestServer,
  room: string,
  token: string,
  options: { doc?: Y.Doc; connect?: boolean; reconnect?: boolean } = {},
): Client {
  class AuthorizedWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { Authorization: `Bearer ${token}` } });
    }
  }
  const doc = options.doc ?? new Y.Doc();
  const closes: Client['closes'] = [];
  const provider = new WebsocketProvider(server.wsUrl, room, doc, {
    connect: options.connect ?? true,
    // Same-process providers would otherwise sync through a BroadcastChannel, bypassing the server.
    disableBc: true,
    maxBackoffTime: 200,
    WebSocketPolyfill: AuthorizedWebSocket as unknown as ProviderOptions['WebSocketPolyfill'],
    ...(options.reconnect === false ? { shouldReconnect: () => false } : {}),
  });
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    synced: () =>
      provider.synced ? Promise.resolve() : new Promise<void>((resolve) => provider.once('sync', (state: boolean) => state && resolve())),
    destroy: () => provider.destroy(),
  };
}

/** A raw upgrade attempt: the HTTP status when refused, and every byte the server sent either way. */
export function attemptUpgrade(server: TestServer, room: string, token: string | null): Promise<{ status: number; received: string[] }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.wsUrl}/${room}`, token === null ? {} : { headers: { Authorization: `Bearer ${token}` } });
    const received: string[] = [];
    socket.on('message', (data) => received.push(String(data)));
    socket.on('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, received: [...received, body] }));
    });
    socket.on('open', () => {
      setTimeout(() => {
        socket.close();
        resolve({ status: 101, received });
      }, 200);
    });
    socket.on('error', (error) => {
      if (!String(error.message).startsWith('Unexpected server response')) reject(error);
    });
  });
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
