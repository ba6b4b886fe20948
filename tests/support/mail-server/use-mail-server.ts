import type { ImapFlow } from 'imapflow';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { connectImap } from './imap-client';
import { startMailServer, type MailServer } from './start-mail-server';

export interface MailServerFixture {
  server: MailServer;
  /** An IMAP session as the first user, logged in. */
  client: ImapFlow;
}

/**
 * Kept out of index.ts because it needs vitest, and the harness also runs in plain child processes.
 * A real Dovecot and Postfix for the tests of one file, with the first user logged in over IMAP:
 * fresh for each test (`each`), or shared by the file's tests (`all`). Read the fields inside tests.
 */
export function useMailServer(scope: 'each' | 'all'): MailServerFixture {
  const fixture = {} as MailServerFixture;
  const start = async () => {
    fixture.server = await startMailServer();
    fixture.client = await connectImap(fixture.server);
  };
  const stop = async () => {
    await fixture.client?.logout().catch(() => {});
    await fixture.server?.stop();
  };
  (scope === 'each' ? beforeEach : beforeAll)(start, 60_000);
  (scope === 'each' ? afterEach : afterAll)(stop, 60_000);
  return fixture;
}
