import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { composeMessage } from '../integration/email-sync/email-sync-harness';
import { ARTIFACTS } from './demo-host-fixture';
import { PIXEL, syncedDataFolder } from './email-display-mailbox';
import { startHost, type RunningHost } from './host-process';
import { joinTeam } from './join-team';
import { freePort, printedCode, startSyncServer, syncCommand, type RunningSyncServer } from './sync-server-process';

test("an email the shop PC synced shows with its formatting and inline photo on the front desk's PC", async ({ browser }) => {
  test.setTimeout(120_000);
  const shopData = await syncedDataFolder([
    await composeMessage({
      from: 'Dana Whitfield <dana@customer.test>',
      to: 'Alice Plumbing <alice@example.test>',
      subject: 'Photo of the leak',
      text: 'The leak is under the sink, photo attached.',
      html: '<p class="greeting">The leak is <b>under the sink</b>:</p><img class="photo" src="cid:leak@customer.test" alt="the leak">',
      messageId: '<dana-leak@customer.test>',
      date: new Date(Date.now() - 60 * 60 * 1000),
      attachments: [{ filename: 'leak.png', content: PIXEL, contentType: 'image/png', cid: 'leak@customer.test' }],
    }),
  ]);
  const [serverData, deskData] = [0, 1].map(() => mkdtempSync(path.join(os.tmpdir(), 'switchboard-team-'))) as [string, string];
  const env = { SWITCHBOARD_SECRET_KEY: randomBytes(32).toString('base64') };
  const running: Array<RunningHost | RunningSyncServer> = [];
  try {
    const ownerCode = printedCode(syncCommand(['workspace', 'add', 'acme', '--data', serverData]));
    running.push(await startSyncServer(serverData, await freePort()));
    const server = running[0] as RunningSyncServer;
    const shopHost = await startHost(shopData, [], env);
    const deskHost = await startHost(deskData, [], env);
    running.push(shopHost, deskHost);

    const shop = await (await browser.newContext()).newPage();
    await shop.goto(shopHost.url);
    await joinTeam(shop, server.url, ownerCode, 'Olga Owner');
    const desk = await (await browser.newContext()).newPage();
    await desk.goto(deskHost.url);
    await joinTeam(desk, server.url, printedCode(syncCommand(['workspace', 'invite', 'acme', '--role', 'agent', '--data', serverData])), 'Frank Front');
    await desk.getByTestId('close-settings').click();

    await desk.getByTestId('conversation-row').filter({ hasText: 'Dana Whitfield' }).click({ timeout: 10_000 });
    const frame = desk.frameLocator('[data-testid="email-frame"]');
    await expect(frame.locator('p.greeting')).toHaveText('The leak is under the sink:', { timeout: 10_000 });
    await expect(frame.locator('b')).toHaveText('under the sink');
    // The inline photo came from the shop PC through the team's server, as a data URL.
    await expect(frame.locator('img.photo')).toHaveAttribute('src', /^data:image\/png;base64,/);
    await expect(frame.locator('img.photo')).toHaveJSProperty('naturalWidth', 1);
    await desk.screenshot({ path: `${ARTIFACTS}/24-team-email-html.png` });
  } finally {
    for (const process of running.reverse()) await process.stop();
    for (const folder of [shopData, serverData, deskData]) rmSync(folder, { recursive: true, force: true });
  }
});
