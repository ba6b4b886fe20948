import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeMember } from '../../../sync-server/auth/members';
import { openServerDb } from '../../../sync-server/store/server-db';
import { attemptUpgrade, connectClient, TestServer, waitFor, type Client, type Member } from './harness';

describe('sync-server: who may connect', () => {
  let server: TestServer;
  let owner: Member;
  let agent: Member;
  let otherOwner: Member;
  const clients: Client[] = [];
  const client = (room: string, token: string, options?: Parameters<typeof connectClient>[3]) => {
    const c = connectClient(server, room, token, options);
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    server = await TestServer.start({ revocationCheckMs: 100 });
    owner = await server.workspace('acme');
    agent = await server.invite(owner, 'agent', 'Front desk');
    otherOwner = await server.workspace('globex');
    // A document with something secret in it, to prove refused callers never see it.
    const seed = client('ws/acme', owner.token);
    await seed.synced();
    seed.doc.getMap('contacts').set('c1', 'Mrs Secret, 555-0100');
    await waitFor(() => server.storedDoc('ws/acme').getMap('contacts').size === 1, 'the seed to be stored');
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
  });

  it('refuses, before the handshake, a token of another workspace (403), a forged or missing one (401), a malformed room (403)', async () => {
    const cases: [string, string | null, number][] = [
      ['ws/acme', otherOwner.token, 403],
      ['ws/acme/t/2025-01', otherOwner.token, 403],
      ['ws/acme', 'A'.repeat(43), 401],
      ['ws/acme', `${owner.token.slice(0, -2)}xx`, 401],
      ['ws/acme', null, 401],
      ['ws/acme/t/2025-13', owner.token, 403],
      ['ws/acme/../globex', owner.token, 403],
      ['other/acme', owner.token, 403],
    ];
    for (const [room, token, status] of cases) {
      const attempt = await attemptUpgrade(server, room, token);
      expect({ room, status: attempt.status }).toEqual({ room, status });
      expect(attempt.received.join('')).not.toContain('Secret');
    }
    // The same room, encoded as one path segment, and a valid token: accepted.
    expect((await attemptUpgrade(server, encodeURIComponent('ws/acme'), owner.token)).status).toBe(101);
  });

  it('cuts a removed member off at once (4401) and refuses their token afterwards (401)', async () => {
    const desk = client('ws/acme', agent.token);
    const timeline = client('ws/acme/t/2025-03', agent.token);
    await Promise.all([desk.synced(), timeline.synced()]);
    expect(desk.doc.getMap('contacts').get('c1')).toBe('Mrs Secret, 555-0100');

    const removed = await server.request('DELETE', `/workspaces/acme/members/${agent.memberId}`, undefined, owner.token);
    expect(removed.status).toBe(204);
    await waitFor(() => desk.closes.length > 0 && timeline.closes.length > 0, 'both sockets to close', 1_000);
    expect(desk.closes).toEqual([{ code: 4401, reason: 'membership revoked' }]);
    expect(timeline.closes).toEqual([{ code: 4401, reason: 'membership revoked' }]);

    expect((await attemptUpgrade(server, 'ws/acme', agent.token)).status).toBe(401);
    expect((await server.request('POST', '/workspaces/acme/invites', { role: 'agent' }, agent.token)).status).toBe(401);
    expect((await server.healthz()).connections).toBe(1);
  });

  it('cuts off a member removed from the command line by the next revocation check', async () => {
    const desk = client('ws/acme', agent.token);
    await desk.synced();
    const db = openServerDb(server.dataDir);
    expect(removeMember(db, 'acme', agent.memberId)).toBe(true);
    db.close();
    await waitFor(() => desk.closes.length > 0, 'the socket to close', 2_000);
    expect(desk.closes[0]).toEqual({ code: 4401, reason: 'membership revoked' });
  });

  it('lets owners and managers invite and remove, within their rank', async () => {
    const manager = await server.invite(owner, 'manager', 'Office manager');
    const asManager = (method: string, path: string, body?: unknown) => server.request(method, path, body, manager.token);

    expect((await asManager('POST', '/workspaces/acme/invites', { role: 'owner' })).status).toBe(403);
    expect((await asManager('POST', '/workspaces/acme/invites', { role: 'agent' })).status).toBe(201);
    expect((await asManager('POST', '/workspaces/globex/invites', { role: 'agent' })).status).toBe(403);
    expect((await asManager('POST', '/workspaces/acme/invites', { role: 'admin' })).status).toBe(400);
    expect((await server.request('POST', '/workspaces/acme/invites', { role: 'agent' }, agent.token)).status).toBe(403);
    expect((await asManager('DELETE', `/workspaces/acme/members/${owner.memberId}`)).status).toBe(403);
    expect((await asManager('DELETE', '/workspaces/acme/members/nobody')).status).toBe(404);
    expect((await asManager('DELETE', `/workspaces/acme/members/${agent.memberId}`)).status).toBe(204);
    expect((await asManager('DELETE', `/workspaces/acme/members/${agent.memberId}`)).status).toBe(404);
    expect((await server.request('DELETE', `/workspaces/acme/members/${owner.memberId}`, undefined, owner.token)).status).toBe(403);
  });

  it('redeems an invite exactly once', async () => {
    const created = await server.request('POST', '/workspaces/acme/invites', { role: 'agent' }, owner.token);
    const { code } = created.body as { code: string };
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    const [first, second] = await Promise.all([
      server.request('POST', '/invites/redeem', { code: code.toLowerCase().replace(/-/g, ' '), name: 'Van laptop' }),
      server.request('POST', '/invites/redeem', { code, name: 'Someone else' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 410]);
    const winner = (first.status === 201 ? first : second).body as Member;
    expect(winner).toMatchObject({ workspaceId: 'acme', role: 'agent' });
    expect(Buffer.from(winner.token, 'base64url')).toHaveLength(32);
    expect((await server.request('POST', '/invites/redeem', { code: 'AAAA-BBBB-CCCC-DDDD', name: 'x' })).status).toBe(404);

    const c = client('ws/acme', winner.token);
    await c.synced();
    expect(c.doc.getMap('contacts').get('c1')).toBe('Mrs Secret, 555-0100');
  });

  it('validates bodies: bad JSON and bad fields are 400, oversized ones 413; unknown routes 404', async () => {
    expect((await server.request('POST', '/invites/redeem', '{"code":')).status).toBe(400);
    const missingName = await server.request('POST', '/invites/redeem', { code: 'AAAA' });
    expect(missingName.status).toBe(400);
    expect((missingName.body as { error: string }).error).toContain('name');
    expect((await server.request('POST', '/invites/redeem', { code: 'x', name: 'y'.repeat(20_000) })).status).toBe(413);
    expect((await server.request('GET', '/workspaces/acme/invites')).status).toBe(404);
    expect((await server.request('GET', '/')).status).toBe(404);
    expect(await server.healthz()).toMatchObject({ ok: true, connections: 1 });
  });
});
