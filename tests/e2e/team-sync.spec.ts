import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './host-process';
import { joinTeam } from './join-team';
import { freePort, printedCode, startSyncServer, syncCommand, type RunningSyncServer } from './sync-server-process';

const ARTIFACTS = 'test-results/artifacts';


test('two PCs join one team: a claim on one shows on the other, and notes written while the server is down converge', async ({ browser }) => {
  test.setTimeout(120_000);
  const folders = [0, 1, 2].map(() => mkdtempSync(path.join(os.tmpdir(), 'switchboard-team-')));
  const [serverData, shopData, deskData] = folders as [string, string, string];
  const env = { SWITCHBOARD_SECRET_KEY: randomBytes(32).toString('base64') };
  const running: Array<RunningHost | RunningSyncServer> = [];
  try {
    const port = await freePort();
    const ownerCode = printedCode(syncCommand(['workspace', 'add', 'acme', '--data', serverData]));
    let server = await startSyncServer(serverData, port);
    const shopHost = await startHost(shopData, ['--demo'], env);
    const deskHost = await startHost(deskData, [], env);
    running.push(shopHost, deskHost);

    const shop = await (await browser.newContext()).newPage();
    const desk = await (await browser.newContext()).newPage();
    await shop.goto(shopHost.url);
    await joinTeam(shop, server.url, ownerCode, 'Olga Owner');
    await shop.screenshot({ path: `${ARTIFACTS}/20-team-joined.png` });
    await shop.getByTestId('close-settings').click();

    const deskCode = printedCode(syncCommand(['workspace', 'invite', 'acme', '--role', 'agent', '--data', serverData]));
    await desk.goto(deskHost.url);
    await joinTeam(desk, server.url, deskCode, 'Frank Front');
    await desk.getByTestId('close-settings').click();

    // The shop PC's customers reach the front desk.
    const jenny = (page: Page) => page.getByTestId('conversation-row').filter({ hasText: 'Jenny Lee' });
    await expect(jenny(desk)).toBeVisible({ timeout: 10_000 });

    await jenny(shop).click();
    await shop.getByTestId('thread').getByTestId('claim').click();
    await expect(shop.getByTestId('thread').getByTestId('release')).toBeVisible();
    const claimedAt = Date.now();
    await jenny(desk).click();
    await expect(desk.getByTestId('thread').getByTestId('assignee')).toHaveText('Assigned to Olga Owner', { timeout: 1_000 });
    const seenAfterMs = Date.now() - claimedAt;
    await desk.screenshot({ path: `${ARTIFACTS}/21-team-claim-seen.png` });
    console.log(`claim seen on the other PC after ${seenAfterMs} ms`);

    // The server goes away: both PCs keep working and say updates are paused.
    await server.stop();
    await expect(desk.getByTestId('sync-banner')).toContainText('Real-time updates paused', { timeout: 20_000 });
    await desk.screenshot({ path: `${ARTIFACTS}/22-team-paused.png` });
    for (const [page, text] of [[shop, 'Shop note while the server was down'], [desk, 'Desk note while the server was down']] as const) {
      await page.getByTestId('composer-mode-note').click();
      await page.getByTestId('composer-input').fill(text);
      await page.getByTestId('composer-submit').click();
      await expect(page.getByTestId('thread')).toContainText(text);
    }

    server = await startSyncServer(serverData, port);
    running.push(server);
    for (const page of [shop, desk]) {
      await expect(page.getByTestId('thread')).toContainText('Shop note while the server was down', { timeout: 20_000 });
      await expect(page.getByTestId('thread')).toContainText('Desk note while the server was down', { timeout: 20_000 });
      await expect(page.getByTestId('sync-banner')).toHaveCount(0);
    }
    await shop.screenshot({ path: `${ARTIFACTS}/23-team-converged.png` });
  } finally {
    for (const process of running.reverse()) await process.stop();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  }
});
