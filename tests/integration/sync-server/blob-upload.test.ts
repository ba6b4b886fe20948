import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { TestServer } from './harness';

let server: TestServer;
afterEach(async () => server?.stop());

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function put(token: string | null, address: string, bytes: Uint8Array): Promise<number> {
  const response = await fetch(`${server.url}/blobs/${address}`, {
    method: 'PUT',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: bytes,
  });
  return response.status;
}

describe('sharing files through the sync-server', () => {
  it('keeps an uploaded file for its workspace only, and refuses bytes that do not match their address', async () => {
    server = await TestServer.start();
    const acme = await server.workspace('acme');
    const other = await server.workspace('other');
    const bytes = new TextEncoder().encode('invoice 1042, boiler service');

    expect(await put(null, sha(bytes), bytes)).toBe(401);
    expect(await put(acme.token, sha(new TextEncoder().encode('something else')), bytes)).toBe(400);
    expect(await put(acme.token, sha(bytes), bytes)).toBe(204);

    const get = (token: string) => fetch(`${server.url}/blobs/${sha(bytes)}`, { headers: { authorization: `Bearer ${token}` } });
    const mine = await get(acme.token);
    expect(mine.status).toBe(200);
    expect(new Uint8Array(await mine.arrayBuffer())).toEqual(bytes);
    expect((await get(other.token)).status).toBe(404);
  });
});
