import { ARTIFACTS, expect, test } from './demo-host-fixture';

test('an email written in the composer is queued in the outbox while no account can send it', async ({ page, demoHost }) => {
  await page.goto(demoHost.url);
  await page.getByTestId('conversation-row').filter({ hasText: 'Tom Becker' }).click();
  const thread = page.getByTestId('thread');
  await thread.getByTestId('composer-mode-email').click();
  await expect(thread.getByTestId('composer-subject')).toHaveValue('Re: Quote request: annual boiler service, 3 buildings');

  const body = `Booked: the 24th and 25th, Ray meets our tech at 8 (${Date.now()}).`;
  await thread.getByTestId('composer-input').fill(body);
  await thread.getByTestId('composer-submit').click();

  const sent = thread.locator('[data-testid="entry"][data-direction="outbound"]').filter({ hasText: body });
  await expect(sent.getByTestId('delivery-status')).toHaveText(/queued/i);
  await expect(sent.getByTestId('outbox-actions')).toContainText('No email account can send yet');
  await expect(thread.getByTestId('composer-input')).toHaveValue('');
  await page.screenshot({ path: `${ARTIFACTS}/08-email-queued.png` });

  // The same entry after a restart: the outbox lives in the store, not in the page.
  await page.goto(await demoHost.restart());
  await page.getByTestId('conversation-row').filter({ hasText: 'Tom Becker' }).click();
  await expect(page.getByTestId('thread').locator('[data-testid="entry"]').filter({ hasText: body }).getByTestId('delivery-status')).toHaveText(/queued/i);
});
