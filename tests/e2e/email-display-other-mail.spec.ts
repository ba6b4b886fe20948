import { rmSync } from 'node:fs';
import { corpusMessages } from '../integration/email-sync/email-sync-harness';
import { ARTIFACTS, expect, test } from './demo-host-fixture';
import { syncedDataFolder } from './email-display-mailbox';
import { startHost } from './host-process';

test('list mail is kept in Other mail, searchable and readable, and starts no conversation', async ({ page }) => {
  // The real apparmor list, read in place from the corpus.
  const dataDir = await syncedDataFolder(corpusMessages('apparmor-list'));
  const host = await startHost(dataDir);
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('filter-all')).toContainText('0');
    await expect(page.getByTestId('conversation-row')).toHaveCount(0);

    await page.getByTestId('other-mail-tab').click();
    const rows = page.getByTestId('other-mail-row');
    await expect(rows).toHaveCount(8);
    await expect(rows.first()).toContainText('[apparmor]');

    await page.getByTestId('other-mail-search').fill('libapparmor licensing');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('[apparmor] Licensing issue in libapparmor');
    await expect(rows.first().locator('mark').first()).toBeVisible();
    await rows.first().click();

    const reader = page.getByTestId('other-mail-reader');
    await expect(reader).toContainText('sathya.panneerselvam@mercedes-benz.com');
    await expect(reader).toContainText('Mailing list');
    // Its HTML, sanitized in the frame, with the logo from the message's own inline part.
    const frame = page.frameLocator('[data-testid="email-frame"]');
    await expect(frame.locator('body')).toContainText('libapparmor');
    await expect(frame.locator('img').first()).toHaveAttribute('src', /^data:image\/png;base64,/);
    await page.screenshot({ path: `${ARTIFACTS}/11-other-mail.png` });

    await page.getByTestId('show-original').uncheck();
    await expect(page.getByTestId('email-frame')).toHaveCount(0);
    await expect(reader).toContainText('libapparmor');

    await page.getByTestId('other-mail-search').fill('logprof');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('AA-logprof error');

    await page.getByTestId('other-mail-back').click();
    await expect(page.getByTestId('other-mail-tab')).toBeVisible();
    await expect(page.getByTestId('conversation-row')).toHaveCount(0);
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
