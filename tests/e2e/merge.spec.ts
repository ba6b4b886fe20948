import { ARTIFACTS, expect, test } from './demo-host-fixture';

test('merging Jenny Lee into Maria Gonzalez joins their threads, and Undo splits them again', async ({ page, demoHost }) => {
  await page.goto(demoHost.url);

  const rows = page.getByTestId('conversation-row');
  const mariaRow = rows.filter({ hasText: 'Maria Gonzalez' });
  const jennyRow = rows.filter({ hasText: 'Jenny Lee' });
  const thread = page.getByTestId('thread');
  const greaseTrap = thread.getByTestId('entry').filter({ hasText: 'grease trap' });
  const panel = page.getByTestId('contact-panel');

  await expect(jennyRow).toHaveCount(1);
  await mariaRow.click();
  await expect(thread.getByTestId('entry').filter({ hasText: 'Gate code is 4471' })).toBeVisible();
  await expect(greaseTrap).toHaveCount(0);
  await expect(panel).not.toContainText('jenny@sunrisecafe.example');

  await page.getByTestId('merge-open').click();
  const picker = page.getByTestId('merge-picker');
  await expect(page.getByTestId('merge-search')).toBeFocused();
  await page.getByTestId('merge-search').fill('Maria');
  await expect(picker).toContainText('No other contact matches.');
  await page.getByTestId('merge-search').fill('Jenny');
  const candidates = picker.getByTestId('merge-candidate');
  await expect(candidates).toHaveCount(1);
  await expect(candidates).toContainText('Jenny Lee');
  await candidates.click();
  await expect(picker).toContainText(
    "Merge Jenny Lee into Maria Gonzalez? All of Jenny Lee's messages, numbers and emails move to this thread.",
  );
  await page.getByTestId('merge-confirm').click();

  await expect(page.getByTestId('merge-notice')).toHaveText(/Merged Jenny Lee into Maria Gonzalez\./);
  await expect(picker).toHaveCount(0);
  await expect(jennyRow).toHaveCount(0);
  await expect(thread.getByRole('heading', { name: 'Maria Gonzalez' })).toBeVisible();
  await expect(greaseTrap.first()).toBeVisible();
  await expect(thread.getByTestId('entry').filter({ hasText: 'Gate code is 4471' })).toBeVisible();
  await expect(panel).toContainText('jenny@sunrisecafe.example');
  await page.screenshot({ path: `${ARTIFACTS}/05-merged.png` });

  await page.getByTestId('merge-undo').click();
  await expect(page.getByTestId('merge-notice')).toHaveText('Merge undone.');
  await expect(jennyRow).toHaveCount(1);
  await expect(greaseTrap).toHaveCount(0);
  await expect(panel).not.toContainText('jenny@sunrisecafe.example');
  await page.screenshot({ path: `${ARTIFACTS}/06-merge-undone.png` });

  await jennyRow.click();
  await expect(panel.getByRole('heading', { name: 'Jenny Lee' })).toBeVisible();
  await expect(greaseTrap).toHaveCount(2);
  await expect(panel).toContainText('jenny@sunrisecafe.example');
});

test('the merge picker closes on Escape and never offers the open contact', async ({ page, demoHost }) => {
  await page.goto(demoHost.url);
  await page.getByTestId('conversation-row').filter({ hasText: 'Jenny Lee' }).click();

  await page.getByTestId('merge-open').click();
  await page.getByTestId('merge-search').fill('grease trap');
  // Only Jenny's own thread mentions a grease trap, and she is the one open.
  await expect(page.getByTestId('merge-picker')).toContainText('No other contact matches.');
  await expect(page.getByTestId('merge-candidate')).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('merge-picker')).toHaveCount(0);
  await expect(page.getByTestId('merge-open')).toBeFocused();
});
