import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS } from './demo-host-fixture';
import { startHost, type RunningHost } from './host-process';
import type { ReplayPlan } from './whatsapp/replay-socket';

const REPLAY_ENTRY = ['--import', 'tsx', 'tests/e2e/whatsapp/replay-host.ts'];

/** Dana's messages, our replies' receipts, her reaction, her edit and a deleted message, in order. */
const DANA_SEQUENCE = [
  'constructed-conversation-1to1',
  'constructed-extended-text-link',
  'constructed-image-with-caption',
  'constructed-document-with-caption-wrapper',
  'constructed-reaction-add',
  'constructed-edit-upsert',
  'constructed-edit-update',
  'constructed-revoke-update',
  'constructed-status-sequence',
  'constructed-status-out-of-order',
  'constructed-status-skips-server-ack',
  'constructed-status-played-and-error',
  'constructed-ephemeral-wrapper',
  'real-group-reply-lid',
];

let host: RunningHost | undefined;
let dataDir: string;

async function startReplayHost(plan: ReplayPlan): Promise<RunningHost> {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-e2e-whatsapp-'));
  host = await startHost(dataDir, [], { SWITCHBOARD_SECRET_KEY: randomBytes(32).toString('base64'), SWITCHBOARD_E2E_WHATSAPP_PLAN: JSON.stringify(plan) }, REPLAY_ENTRY);
  return host;
}

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

async function linkFromSettings(page: Page): Promise<void> {
  await page.getByTestId('open-settings').click();
  const settings = page.getByTestId('whatsapp-settings');
  await expect(settings.getByTestId('whatsapp-status')).toHaveText(/Not linked/);
  await settings.getByTestId('whatsapp-link').click();
}

test('Settings → WhatsApp shows the QR code and draws the new one when it rotates', async ({ page }) => {
  const { url } = await startReplayHost({ mode: 'qr', fixtures: [], logoutAfterMs: null });
  await page.goto(url);
  await linkFromSettings(page);
  const qr = page.getByTestId('whatsapp-qr');
  await expect(qr).toHaveAttribute('data-qr', /code-1,/);
  await expect(page.getByTestId('whatsapp-status')).toHaveText(/Scan this code with WhatsApp on the shop’s phone/);
  const firstImage = await qr.getAttribute('src');
  expect(firstImage).toMatch(/^data:image\/svg\+xml;base64,/);
  expect(await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
  await page.getByTestId('whatsapp-settings').screenshot({ path: `${ARTIFACTS}/whatsapp-settings-qr.png` });
  await expect(qr).toHaveAttribute('data-qr', /code-2,/, { timeout: 5_000 });
  expect(await qr.getAttribute('src')).not.toBe(firstImage);
});

test('replayed WhatsApp events show the thread with reaction, edit, deletion and ticks; a logout raises the re-link banner', async ({ page }) => {
  const { url } = await startReplayHost({ mode: 'replay', fixtures: DANA_SEQUENCE, logoutAfterMs: 15_000 });
  await page.goto(url);
  await linkFromSettings(page);
  await expect(page.getByTestId('whatsapp-status')).toHaveText('Connected as +1 555 010 0099.');
  await page.getByTestId('whatsapp-settings').screenshot({ path: `${ARTIFACTS}/whatsapp-settings-connected.png` });
  await page.getByTestId('close-settings').click();

  await page.getByTestId('conversation-row').filter({ hasText: 'Dana (tenant 4B)' }).click();
  const thread = page.getByTestId('thread');
  const entry = (text: string) => thread.getByTestId('entry').filter({ hasText: text });
  // A reply written in the WhatsApp tab goes out through the outbox and the (fake) socket.
  await page.getByTestId('composer-mode-whatsapp').click();
  await page.getByTestId('composer-input').fill('We will be there tomorrow at 9.');
  await page.getByTestId('composer-submit').click();
  await expect(entry('We will be there tomorrow at 9.').getByTestId('delivery-status')).toHaveText('✓Sent');
  await expect(page.getByTestId('composer-input')).toHaveValue('');
  // A file goes with its caption, one per message.
  await page.getByTestId('composer-attach').setInputFiles({ name: 'estimate-2041.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 estimate 2041') });
  await expect(page.getByTestId('composer-attachment')).toContainText('estimate-2041.pdf');
  await page.getByTestId('composer-input').fill('The estimate, as promised');
  await page.getByTestId('composer-submit').click();
  await expect(entry('The estimate, as promised').getByTestId('delivery-status')).toHaveText('✓Sent');
  await expect(entry('The estimate, as promised')).toContainText('estimate-2041.pdf');
  await expect(page.getByTestId('composer-attachment')).toHaveCount(0);

  const edited = entry('Can someone come tomorrow morning?');
  await edited.getByTestId('revision-toggle').click();
  await expect(edited.getByTestId('revision-list')).toContainText('Hi, the AC in unit 4B is leaking again. Can someone come today?');
  await expect(thread.getByTestId('deleted-message')).toHaveCount(1);
  await expect(thread.getByText('https://example.com/ac-unit-x200')).toHaveCount(0);
  await expect(entry('A technician can come today').getByTestId('reactions')).toContainText('👍');
  await expect(entry('Can you send a photo').getByTestId('delivery-status')).toHaveText('✓✓Read');
  await expect(entry('Thanks, that helps.').getByTestId('delivery-status')).toHaveText('✓✓Delivered');
  await expect(entry('Voice note').getByTestId('delivery-status')).toHaveText('✓✓Played');
  await expect(entry('Invoice attached').getByTestId('delivery-status')).toHaveText('Failed');
  await expect(entry('A technician can come today').getByTestId('delivery-status')).toHaveText('✓Sent');
  await expect(entry('Gate code is 4512#')).toBeVisible();
  const photo = entry('Water under the indoor unit').getByTestId('inline-image');
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(240);
  // The group message went to Other, not into a customer's thread.
  await expect(page.getByTestId('conversation-row')).toHaveCount(1);
  await edited.scrollIntoViewIfNeeded();
  await thread.screenshot({ path: `${ARTIFACTS}/whatsapp-thread-edit-history.png` });
  await entry('Water under the indoor unit').scrollIntoViewIfNeeded();
  await thread.screenshot({ path: `${ARTIFACTS}/whatsapp-thread.png` });
  await entry('Gate code is 4512#').scrollIntoViewIfNeeded();
  await thread.screenshot({ path: `${ARTIFACTS}/whatsapp-thread-ticks.png` });
  await page.screenshot({ path: `${ARTIFACTS}/whatsapp-inbox.png` });

  // The group message is kept, apart from customers, and found by its words.
  await page.getByTestId('other-whatsapp-tab').click();
  await page.getByTestId('other-whatsapp-search').fill('woila');
  await expect(page.getByTestId('other-whatsapp-row')).toHaveCount(1);
  await expect(page.getByTestId('other-whatsapp-row')).toContainText('Ryujin');
  await page.screenshot({ path: `${ARTIFACTS}/whatsapp-groups.png` });
  await page.getByTestId('other-whatsapp-back').click();

  const banner = page.getByTestId('whatsapp-relink-banner');
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(banner).toContainText('WhatsApp logged this PC out');
  await page.screenshot({ path: `${ARTIFACTS}/whatsapp-relink-banner.png` });
  await banner.getByRole('button', { name: 'Open Settings → WhatsApp' }).click();
  await expect(page.getByTestId('whatsapp-link')).toHaveText('Link again');
});

test('with the real Baileys socket, Settings → WhatsApp shows a QR code or says why it cannot link, never just spinning', async ({ page }) => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-e2e-whatsapp-real-'));
  host = await startHost(dataDir, [], { SWITCHBOARD_SECRET_KEY: randomBytes(32).toString('base64') });
  await page.goto(host.url);
  await linkFromSettings(page);
  const status = page.getByTestId('whatsapp-status');
  // Offline (as on the build machine) WhatsApp cannot be reached; online the phone is asked to scan.
  await expect(status).toHaveText(/Disconnected\. WhatsApp cannot be reached from this PC .* Retrying in \d+ s\.|Scan this code/, { timeout: 30_000 });
  await page.getByTestId('whatsapp-settings').screenshot({ path: `${ARTIFACTS}/whatsapp-settings-real-socket.png` });
  await page.getByTestId('whatsapp-unlink').click();
  await expect(status).toHaveText(/Not linked/);
});
