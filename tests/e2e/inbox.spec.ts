import { ARTIFACTS, expect, test } from './demo-host-fixture';

test('the demo inbox shows, and a note survives a restart of the host', async ({ page, demoHost }) => {
  await page.goto(demoHost.url);

  await expect(page.getByTestId('demo-badge')).toBeVisible();
  const rows = page.getByTestId('conversation-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(6);
  await expect(page.getByTestId('filter-unread')).toContainText(/\d/);
  await page.screenshot({ path: `${ARTIFACTS}/01-demo-inbox.png` });

  await rows.filter({ hasText: 'Maria Gonzalez' }).click();
  const thread = page.getByTestId('thread');
  await expect(thread.getByTestId('entry').filter({ hasText: 'Gate code is 4471' })).toBeVisible();
  await expect(thread.locator('[data-testid="entry"][data-direction="inbound"]').first()).toBeVisible();
  await expect(thread.locator('[data-testid="entry"][data-direction="outbound"]').first()).toBeVisible();

  const note = `Luis is on his way, ETA 2:30 (${Date.now()})`;
  await page.getByTestId('composer-input').fill(note);
  await page.getByTestId('composer-submit').click();
  await expect(thread.locator('[data-testid="entry"][data-kind="note"]').filter({ hasText: note })).toBeVisible();
  await expect(page.getByTestId('composer-input')).toHaveValue('');
  await page.screenshot({ path: `${ARTIFACTS}/02-note-added.png` });

  await page.goto(await demoHost.restart());
  await page.reload();
  await page.getByTestId('conversation-row').filter({ hasText: 'Maria Gonzalez' }).click();
  await expect(page.getByTestId('thread').locator('[data-testid="entry"][data-kind="note"]').filter({ hasText: note })).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/03-note-after-restart.png` });
});

test('search finds a customer by a number typed with punctuation', async ({ page, demoHost }) => {
  await page.goto(demoHost.url);
  await page.getByTestId('search').fill('555-0147');
  await expect(page.getByTestId('search-hit').filter({ hasText: 'Maria Gonzalez' })).toBeVisible();
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await page.screenshot({ path: `${ARTIFACTS}/04-search.png` });
});
