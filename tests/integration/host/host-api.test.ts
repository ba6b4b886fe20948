import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ulid } from 'ulid';
import { startHostServer, type HostServer } from '../../../src-main/host/server/host-server';
import type { ServerMessage } from '../../../src-shared/api/wire';
import { openTestCore } from '../../support/test-core';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const running: Array<{ server: HostServer; close: () => void }> = [];
afterEach(async () => {
  for (const r of running.splice(0)) {
    await r.server.close();
    r.close();
  }
});

async function startHost() {
  const { core } = openTestCore(tempDir(), { demo: true });
  const rendererDir = tempDir();
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Switchboard</title>');
  const server = await startHostServer({ core, rendererDir, token: 't'.repeat(43), port: 0 });
  running.push({ server, close: () => core.close() });
  return { server, core, origin: `http://127.0.0.1:${server.port}` };
}

function connect(port: number, token: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket, predicate: (m: ServerMessage) => boolean): Promise<ServerMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      if (predicate(message)) {
        ws.off('message', onMessage);
        resolve(message);
      }
    };
    ws.on('message', onMessage);
  });
}

describe('headless host', () => {
  it('serves the renderer with a strict CSP and refuses paths outside it', async () => {
    const { server } = await startHost();
    const page = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>Switchboard</title>');
    const escape = await fetch(`http://127.0.0.1:${server.port}/..%2f..%2fetc%2fpasswd`);
    expect([400, 404]).toContain(escape.status);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=t+$/);
  });

  it('answers typed requests over the socket and pushes change events', async () => {
    const { server, origin } = await startHost();
    const ws = await connect(server.port, 't'.repeat(43), origin);
    ws.send(JSON.stringify({ type: 'request', id: 1, name: 'conversations.list', input: { filter: 'all' } }));
    const list = await nextMessage(ws, (m) => m.type === 'response' && m.id === 1);
    const rows = (list as { result: { ok: true; value: { rows: Array<{ id: string }> } } }).result.value.rows;
    expect(rows.length).toBeGreaterThan(3);
    const event = nextMessage(ws, (m) => m.type === 'event');
    ws.send(JSON.stringify({ type: 'request', id: 2, name: 'notes.add', input: { conversationId: rows[0]?.id, clientId: ulid(), body: 'hi' } }));
    expect(await event).toEqual({ type: 'event', name: 'conversations.changed', payload: { conversationIds: [rows[0]?.id] } });
    ws.send(JSON.stringify({ type: 'request', id: 3, name: 'notes.add', input: { conversationId: rows[0]?.id } }));
    expect(await nextMessage(ws, (m) => m.type === 'response' && m.id === 3)).toMatchObject({ result: { ok: false, error: { code: 'invalid_input' } } });
    ws.close();
  });

  it('refuses a wrong token and a foreign origin before any data is sent', async () => {
    const { server, origin } = await startHost();
    await expect(connect(server.port, 'wrong', origin)).rejects.toThrow('HTTP 401');
    await expect(connect(server.port, 't'.repeat(43), 'https://evil.example')).rejects.toThrow('HTTP 403');
  });

  it('closes a connection that sends something other than a request', async () => {
    const { server, origin } = await startHost();
    const ws = await connect(server.port, 't'.repeat(43), origin);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('{"not":"a request"');
    expect(await closed).toBe(1003);
  });
});
