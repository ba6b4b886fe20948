import { ARTIFACTS, expect, test } from './demo-host-fixture';

test('claiming an unassigned conversation makes it mine, and it stays mine after a restart', async ({ page, demoHost }) => {
  await page.goto(demoHost.url);
  await expect(page.getByTestId('filter-mine')).toContainText('2');
  await page.getByTestId('conversation-row').filter({ hasText: 'Jenny Lee' }).click();
  const thread = page.getByTestId('thread');
  await expect(thread.getByTestId('assign-select')).toHaveValue('');
  await thread.getByTestId('claim').click();

  await expect(page.getByTestId('filter-mine')).toContainText('3');
  await expect(thread.getByTestId('claim')).toHaveCount(0);
  await expect(thread.getByTestId('release')).toBeVisible();
  await expect(thread.getByTestId('assign-select').locator('option:checked')).toHaveText(/\(me\)/);
  await page.screenshot({ path: `${ARTIFACTS}/07-claimed.png` });

  await page.goto(await demoHost.restart());
  await expect(page.getByTestId('filter-mine')).toContainText('3');
  await page.getByTestId('filter-mine').click();
  await expect(page.getByTestId('conversation-row').filter({ hasText: 'Jenny Lee' })).toBeVisible();
});

test('the owner gives a conversation to a teammate, and Unassigned counts follow', async ({ page, demoHost }) => {
  await page.goto(demoHost.url);
  await expect(page.getByTestId('filter-unassigned')).toContainText('4');
  await page.getByTestId('conversation-row').filter({ hasText: 'Carlos Mendez' }).click();
  await page.getByTestId('thread').getByTestId('assign-select').selectOption({ label: 'Luis Ortega' });
  await expect(page.getByTestId('filter-unassigned')).toContainText('3');
  await expect(page.getByTestId('thread').getByTestId('claim')).toHaveCount(0);
});
