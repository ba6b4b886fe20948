import { ARTIFACTS, expect, test } from './demo-host-fixture';

test('a voicemail stays unread until resolved, and a call moves to the right customer with a reason', async ({ page, demoHost }) => {
  await page.goto(demoHost.url);
  const caller = page.getByTestId('conversation-row').filter({ hasText: '+1 212 555 0199' });
  await caller.click();
  const thread = page.getByTestId('thread');
  await expect(thread.getByTestId('call-resolve')).toHaveCount(2);
  // Looking at the thread does not clear it: the missed call and the voicemail keep it in Unread.
  await page.getByTestId('filter-unread').click();
  await expect(caller).toBeVisible();
  await caller.click();
  await thread.getByTestId('call-resolve').first().click();
  await expect(thread.getByTestId('call-resolve')).toHaveCount(1);
  await thread.getByTestId('call-resolve').click();
  await expect(thread.getByText('Resolved', { exact: true })).toHaveCount(2);
  await page.getByTestId('filter-all').click();
  await page.getByTestId('filter-unread').click();
  await expect(caller).toHaveCount(0);
  await page.getByTestId('filter-all').click();
  await caller.click();
  await page.screenshot({ path: `${ARTIFACTS}/34-call-resolved.png` });

  await thread.getByTestId('call-move').first().click();
  await thread.getByTestId('move-call-search').fill('Jenny');
  await thread.getByTestId('move-call-reason').fill('Jenny called from the café landline');
  await page.screenshot({ path: `${ARTIFACTS}/35-call-move.png` });
  await thread.getByTestId('move-call-to').filter({ hasText: 'Jenny Lee' }).click();
  await expect(thread).toContainText('A call was moved from here to Jenny Lee: Jenny called from the café landline');

  await page.getByTestId('conversation-row').filter({ has: page.getByText('Jenny Lee', { exact: true }) }).click();
  await expect(thread.locator('.call-card')).toBeVisible();
  await expect(thread).toContainText('A call was moved here from');
  await page.screenshot({ path: `${ARTIFACTS}/36-call-moved.png` });
});
