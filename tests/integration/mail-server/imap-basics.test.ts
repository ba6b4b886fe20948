import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectImap, startMailServer, type MailServer } from '../../support/mail-server';

let server: MailServer;

beforeAll(async () => {
  server = await startMailServer();
}, 60_000);

afterAll(async () => {
  await server?.stop();
}, 60_000);

describe('the harness Dovecot over IMAP', () => {
  it('lets imapflow log in and LIST INBOX and the special-use folders', async () => {
    const client = await connectImap(server);
    try {
      const folders = await client.list();
      const byPath = new Map(folders.map((f) => [f.path, f]));
      expect([...byPath.keys()].sort()).toEqual(['Drafts', 'INBOX', 'Junk', 'Sent', 'Trash']);
      expect(byPath.get('INBOX')?.specialUse).toBe('\\Inbox');
      for (const use of ['Sent', 'Drafts', 'Trash', 'Junk']) {
        expect(byPath.get(use)?.specialUse).toBe(`\\${use}`);
        // From the server's SPECIAL-USE flags, not guessed from the name by imapflow.
        expect(byPath.get(use)?.specialUseSource).toBe('extension');
      }
    } finally {
      await client.logout();
    }
  });

  it('advertises CONDSTORE, QRESYNC and IDLE, and reports a HIGHESTMODSEQ', async () => {
    const client = await connectImap(server, 0, { qresync: true });
    try {
      for (const capability of ['CONDSTORE', 'QRESYNC', 'IDLE', 'UIDPLUS', 'SPECIAL-USE', 'MOVE']) {
        expect(client.capabilities.has(capability), capability).toBe(true);
      }
      expect(client.enabled.has('QRESYNC')).toBe(true);
      const inbox = await client.mailboxOpen('INBOX');
      expect(typeof inbox.highestModseq).toBe('bigint');
      expect(inbox.uidValidity).toBeGreaterThan(0n);
    } finally {
      await client.logout();
    }
  });

  it('accepts the address as login too, and rejects a wrong password', async () => {
    const alice = server.users[0]!;
    const byAddress = await connectImap(server, 0, { auth: { user: alice.address, pass: alice.password } });
    expect(byAddress.authenticated).toBeTruthy();
    await byAddress.logout();

    await expect(connectImap(server, 0, { auth: { user: alice.user, pass: 'wrong' } })).rejects.toMatchObject({
      authenticationFailed: true,
    });
  });

  it('serves IMAPS with the self-signed certificate, which a client without the CA refuses', async () => {
    const alice = server.users[0]!;
    const client = new ImapFlow({
      host: server.imaps.host,
      port: server.imaps.port,
      secure: true,
      tls: { ca: server.imaps.ca },
      auth: { user: alice.user, pass: alice.password },
      logger: false,
    });
    await client.connect();
    expect(client.secureConnection).toBe(true);
    expect((await client.list()).some((f) => f.path === 'INBOX')).toBe(true);
    await client.logout();

    const untrusting = new ImapFlow({
      host: server.imaps.host,
      port: server.imaps.port,
      secure: true,
      auth: { user: alice.user, pass: alice.password },
      logger: false,
    });
    await expect(untrusting.connect()).rejects.toThrow(/self[- ]signed/i);
  });

  it('does not offer STARTTLS on the plain port, so clients stay in plain text there', async () => {
    const client = await connectImap(server);
    expect(client.secureConnection).toBe(false);
    await client.logout();
  });
});
