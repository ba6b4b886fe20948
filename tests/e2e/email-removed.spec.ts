import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImapFlow } from 'imapflow';
import type { SwitchboardApi } from '../../src-shared/api/switchboard-api';
import { composeMessage } from '../integration/email-sync/email-sync-harness';
import { connectImap, startMailServer, type MailServer } from '../support/mail-server';
import { ARTIFACTS } from './demo-host-fixture';
import { startHost, type RunningHost } from './host-process';

let server: MailServer;
let imap: ImapFlow;
let host: RunningHost;
let dataDir: string;

test.beforeEach(async () => {
  server = await startMailServer();
  imap = await connectImap(server);
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-e2e-email-'));
  host = await startHost(dataDir, [], { SWITCHBOARD_SECRET_KEY: randomBytes(32).toString('base64') });
});

test.afterEach(async () => {
  await host?.stop();
  await imap?.logout().catch(() => {});
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a message deleted in another mail program stays in the thread, marked as no longer in INBOX', async ({ page }) => {
  const alice = server.users[0]!;
  await imap.append(
    'INBOX',
    await composeMessage({
      from: 'Carol Diaz <carol@customer.test>',
      to: alice.address,
      subject: 'Quote for a new water heater',
      text: 'Could you quote a 50 gallon tank, installed?',
      messageId: '<carol-quote@customer.test>',
    }),
  );
  await page.goto(host.url);
  const account = {
    address: alice.address,
    senderName: 'Alice Plumbing',
    user: alice.user,
    password: alice.password,
    imap: { host: server.imap.host, port: server.imap.port, tls: 'none' as const },
    smtp: { host: server.smtp.host, port: server.smtp.port, tls: 'none' as const },
  };
  // Settings → Email is covered by email-account.spec.ts; here the account is saved the way it does.
  await page.evaluate((input) => (globalThis as unknown as { switchboard: SwitchboardApi }).switchboard.request('email.account.save', input), account);
  await page.getByTestId('conversation-row').filter({ hasText: 'Carol Diaz' }).click();
  const entry = page.getByTestId('thread').getByTestId('entry').filter({ hasText: 'Could you quote a 50 gallon tank' });
  await expect(entry).toBeVisible();
  await expect(entry.getByTestId('removed-from-mailbox')).toHaveCount(0);

  // Alice tidies up in Outlook: the message is deleted there while Switchboard is open.
  const lock = await imap.getMailboxLock('INBOX');
  try {
    await imap.messageDelete({ header: { 'message-id': '<carol-quote@customer.test>' } });
  } finally {
    lock.release();
  }
  await expect(entry.getByTestId('removed-from-mailbox')).toContainText('No longer in INBOX on the mail server', { timeout: 5_000 });
  await expect(entry).toContainText('Could you quote a 50 gallon tank, installed?');
  await page.screenshot({ path: `${ARTIFACTS}/email-removed-from-mailbox.png` });
});
