import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createWorkspace } from '../../sync-server/auth/invites';
import { startSyncServer, type SyncServer } from '../../sync-server/server';
import { openServerDb } from '../../sync-server/store/server-db';
import { setTwilioAccount } from '../../sync-server/twilio/twilio-accounts';
import { TwilioEmulator } from '../support/twilio-emulator/emulator';
import { startHost, type RunningHost } from './host-process';
import { joinTeam } from './join-team';

const ARTIFACTS = 'test-results/artifacts';
const PUBLIC_URL = 'https://sync.example.test';
const ACCOUNT = { accountSid: `AC${'0123456789abcdef'.repeat(2)}`, authToken: randomBytes(16).toString('hex'), number: '+14155550100' };
const CUSTOMER = '+14155550123';
/** A 2×2 red PNG, as a customer's MMS photo. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEUlEQVR4nGP4z8DwnwGMgRQAH+4D/dJQfRoAAAAASUVORK5CYII=', 'base64');


test('a signed inbound SMS reaches the inbox, the reply goes out by SMS and turns Delivered; a forged post changes nothing', async ({ browser }) => {
  test.setTimeout(120_000);
  const folders = [0, 1].map(() => mkdtempSync(path.join(os.tmpdir(), 'switchboard-twilio-')));
  const [serverData, pcData] = folders as [string, string];
  const emulator = await TwilioEmulator.start({ account: ACCOUNT });
  let server: SyncServer | null = null;
  let host: RunningHost | null = null;
  try {
    server = await startSyncServer({ dataDir: serverData, port: 0, publicUrl: PUBLIC_URL, twilioApi: emulator.api, log: () => {} });
    emulator.attach({ publicUrl: PUBLIC_URL, url: server.url });
    const db = openServerDb(serverData);
    const { code } = createWorkspace(db, 'acme');
    // The server runs in this process: its environment is this one.
    process.env.SWITCHBOARD_E2E_TWILIO_TOKEN = ACCOUNT.authToken;
    setTwilioAccount(db, { workspaceId: 'acme', accountSid: ACCOUNT.accountSid, authTokenEnv: 'SWITCHBOARD_E2E_TWILIO_TOKEN', number: ACCOUNT.number, forwardTo: null, pricePerSegment: 0.0079 });
    db.close();

    host = await startHost(pcData, [], { SWITCHBOARD_SECRET_KEY: randomBytes(32).toString('base64') });
    const page = await (await browser.newContext()).newPage();
    await page.goto(host.url);
    await joinTeam(page, server.url, code, 'Olga Owner');
    await page.getByTestId('close-settings').click();

    const postedAt = Date.now();
    const inbound = emulator.inboundMessage('acme', { from: CUSTOMER, body: 'Is the water heater install still on for Friday?' });
    expect((await inbound.answer).status).toBe(200);
    const row = page.getByTestId('conversation-row').filter({ hasText: 'water heater' });
    await expect(row).toBeVisible({ timeout: 5_000 });
    console.log(`inbound SMS visible in the inbox ${Date.now() - postedAt} ms after the webhook was posted`);
    await page.screenshot({ path: `${ARTIFACTS}/30-twilio-inbound-sms.png` });

    // A forged post: refused, and the inbox does not change.
    const forged = await emulator.post('/twilio/sms?ws=acme', { ...inbound.params, MessageSid: 'SMforged', Body: 'Forged message' }, { authToken: 'wrong' });
    expect(forged.status).toBe(403);

    await row.click();
    await page.getByTestId('composer-mode-sms').click();
    await expect(page.getByTestId('sms-to')).toContainText('+1 415 555 0123');
    await page.getByTestId('composer-input').fill('Yes, Friday 8–10am. Reply STOP to opt out.');
    await expect(page.getByTestId('sms-segments')).toContainText('1 segment');
    await expect(page.getByTestId('sms-segments')).toContainText('UCS-2');
    await page.screenshot({ path: `${ARTIFACTS}/31-twilio-sms-composer.png` });
    await page.getByTestId('composer-submit').click();
    const reply = page.getByTestId('thread').locator('article').filter({ hasText: 'Yes, Friday 8–10am' });
    await expect(reply.getByTestId('delivery-status')).toHaveText(/Delivered/, { timeout: 10_000 });
    await page.screenshot({ path: `${ARTIFACTS}/32-twilio-sms-delivered.png` });
    expect(emulator.sent.map((m) => [m.to, m.body])).toEqual([[CUSTOMER, 'Yes, Friday 8–10am. Reply STOP to opt out.']]);
    await expect(page.getByTestId('thread')).not.toContainText('Forged message');
    await expect(page.getByTestId('conversation-row')).toHaveCount(1);

    // An MMS photo is fetched by the server with the account's credentials and shown in the thread.
    await emulator.inboundMessage('acme', { from: CUSTOMER, body: 'Here is the old heater', media: [{ bytes: new Uint8Array(PHOTO), contentType: 'image/png' }] }).answer;
    const photo = page.getByTestId('thread').locator('article').filter({ hasText: 'Here is the old heater' }).getByTestId('inline-image');
    await expect(photo).toBeVisible({ timeout: 10_000 });
    await expect(photo).toHaveJSProperty('naturalWidth', 2);
    await page.screenshot({ path: `${ARTIFACTS}/33-twilio-mms-inline.png` });
  } finally {
    await host?.stop();
    await emulator.close();
    await server?.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  }
});
