import { test, expect, type Page } from '@playwright/test';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { connectImap, startMailServer, type MailServer } from '../support/mail-server';
import { composeMessage } from '../integration/email-sync/email-sync-harness';
import { ARTIFACTS } from './demo-host-fixture';
import { startHost, type RunningHost } from './host-process';

// One mail server for the file; each test gets a fresh, non-demo host with a key for its secrets.
let server: MailServer;
let host: RunningHost;
let dataDir: string;

test.beforeAll(async () => {
  server = await startMailServer();
});

test.afterAll(async () => {
  await server?.stop();
});

test.beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-e2e-email-'));
  host = await startHost(dataDir, [], { SWITCHBOARD_SECRET_KEY: randomBytes(32).toString('base64') });
});

test.afterEach(async () => {
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Settings → Email filled in for alice on the harness's plain IMAP and SMTP ports. */
async function fillAccount(page: Page, password: string): Promise<void> {
  const alice = server.users[0]!;
  await page.getByTestId('open-settings').click();
  await page.getByTestId('email-address').fill(alice.address);
  await page.getByTestId('email-sender-name').fill('Alice Plumbing');
  await page.getByTestId('email-user').fill(alice.user);
  await page.getByTestId('email-password').fill(password);
  await page.getByTestId('email-imap-host').fill(server.imap.host);
  await page.getByTestId('email-imap-tls').selectOption('none');
  await page.getByTestId('email-imap-port').fill(String(server.imap.port));
  await page.getByTestId('email-smtp-host').fill(server.smtp.host);
  await page.getByTestId('email-smtp-tls').selectOption('none');
  await page.getByTestId('email-smtp-port').fill(String(server.smtp.port));
}

test('a new user adds the email account and sees customer mail by contact, and new mail live', async ({ page }) => {
  const alice = server.users[0]!;
  const bob = `Bob Builder <${server.users[1]!.address}>`;
  const imap = await connectImap(server);
  for (const mail of [
    { from: bob, subject: 'Boiler pressure keeps dropping', text: 'The gauge was at 0.5 bar again this morning.' },
    { from: bob, subject: 'Re: Boiler pressure keeps dropping', text: 'I topped it up, it dropped again by noon.' },
    { from: 'Carol Diaz <carol@customer.test>', subject: 'Quote for a new water heater', text: 'Could you quote a 50 gallon tank?' },
  ]) {
    await imap.append('INBOX', await composeMessage({ ...mail, to: alice.address, messageId: `<${randomUUID()}@customer.test>` }));
  }
  await imap.logout();

  await page.goto(host.url);
  await fillAccount(page, alice.password);
  await page.getByTestId('email-test').click();
  const steps = page.getByTestId('email-test-step');
  await expect(steps).toHaveCount(7);
  await expect(page.locator('[data-testid="email-test-step"][data-ok="true"]')).toHaveCount(7);
  await expect(page.getByTestId('email-test-report')).toContainText('INBOX opened: 3 messages');
  await page.screenshot({ path: `${ARTIFACTS}/11-email-settings.png` });

  await page.getByTestId('email-save').click();
  await expect(page.getByTestId('email-password')).toHaveValue('');
  await expect(page.getByTestId('email-password')).toHaveAttribute('placeholder', '•••••• (saved)');
  await expect(page.getByTestId('email-status')).toContainText('Connected, up to date');
  await page.getByTestId('close-settings').click();

  const rows = page.getByTestId('conversation-row');
  await expect(rows).toHaveCount(2);
  await rows.filter({ hasText: 'Bob Builder' }).click();
  const thread = page.getByTestId('thread');
  await expect(thread.locator('[data-testid="entry"][data-direction="inbound"]')).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Carol Diaz' })).toBeVisible();

  // New mail through Postfix, as a customer's provider delivers it, with the inbox left open.
  const text = `The pressure is back to 1.5 bar after the fix (${Date.now()}).`;
  const transport = nodemailer.createTransport({ host: server.smtp.host, port: server.smtp.port, secure: false });
  await transport.sendMail({ from: bob, to: alice.address, subject: 'Re: Boiler pressure keeps dropping', text });
  transport.close();
  const sentAt = Date.now();
  await expect(thread.getByTestId('entry').filter({ hasText: text })).toBeVisible({ timeout: 2_000 });
  const latencyMs = Date.now() - sentAt;
  await expect(rows).toHaveCount(2);
  await page.screenshot({ path: `${ARTIFACTS}/12-email-live.png` });
  expect(latencyMs, `shown ${latencyMs} ms after Postfix accepted it`).toBeLessThan(2_000);
});

test('Test connection with a wrong password shows the sign-in step failed', async ({ page }) => {
  await page.goto(host.url);
  await fillAccount(page, 'not-alices-password');
  await page.getByTestId('email-test').click();
  const imapAuth = page.locator('[data-testid="email-test-step"][data-step="imap.auth"]');
  await expect(imapAuth).toHaveAttribute('data-ok', 'false');
  await expect(imapAuth).toContainText('✗');
  await expect(imapAuth).toContainText('refused the user name or password');
  await expect(page.locator('[data-testid="email-test-step"][data-step="smtp.auth"]')).toHaveAttribute('data-ok', 'false');
  await expect(page.locator('[data-testid="email-test-step"][data-step="imap.inbox"]')).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}/13-email-test-failed.png` });
});

test('a reply written in Switchboard reaches the customer threaded, and shows as sent', async ({ page }) => {
  const alice = server.users[0]!;
  const bobUser = server.users[1]!;
  const customerMessageId = `<${randomUUID()}@customer.test>`;
  const imap = await connectImap(server);
  await imap.append(
    'INBOX',
    await composeMessage({ from: `Bob Builder <${bobUser.address}>`, to: alice.address, subject: 'Radiator is cold', text: 'The upstairs radiator stays cold.', messageId: customerMessageId }),
  );
  await imap.logout();

  await page.goto(host.url);
  await fillAccount(page, alice.password);
  await page.getByTestId('email-save').click();
  await expect(page.getByTestId('email-status')).toContainText('Connected, up to date');
  await page.getByTestId('close-settings').click();
  await page.getByTestId('conversation-row').filter({ hasText: 'Bob Builder' }).click();

  await page.getByTestId('composer-mode-email').click();
  await expect(page.getByTestId('composer-subject')).toHaveValue('Re: Radiator is cold');
  const reply = `We can bleed it tomorrow at 9 (${Date.now()}).`;
  await page.getByTestId('composer-input').fill(reply);
  await page.getByTestId('composer-submit').click();
  const sent = page.getByTestId('thread').locator('[data-testid="entry"][data-direction="outbound"]').filter({ hasText: reply });
  await expect(sent.getByTestId('delivery-status')).toContainText(/sent/i, { timeout: 10_000 });
  await page.screenshot({ path: `${ARTIFACTS}/14-email-reply-sent.png` });

  const bob = await connectImap(server, 1);
  await bob.mailboxOpen('INBOX');
  let received: { inReplyTo?: string; references?: string[]; subject?: string } | null = null;
  for (let tries = 0; tries < 50 && !received; tries++) {
    for await (const message of bob.fetch('1:*', { envelope: true, headers: ['references'] })) {
      if (message.envelope?.subject === 'Re: Radiator is cold') {
        received = { inReplyTo: message.envelope.inReplyTo, subject: message.envelope.subject, references: message.headers?.toString().match(/<[^>]+>/g) ?? [] };
      }
    }
    if (!received) await new Promise((r) => setTimeout(r, 100));
  }
  await bob.logout();
  expect(received).toEqual({ inReplyTo: customerMessageId, subject: 'Re: Radiator is cold', references: [customerMessageId] });
});
