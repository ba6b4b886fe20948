import { readFile } from 'node:fs/promises';
import { ARTIFACTS, expect, test } from './demo-host-fixture';

const ESTIMATE = { name: 'Estimate 2041 – Müller.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Switchboard estimate\n') };
const PHOTO = { name: 'boiler-room.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(700 * 1024, 7) };

test('files attached in the email composer survive a reload, stay under the limit, and open from the sent entry', async ({ page, demoHost }) => {
  await page.goto(demoHost.url);
  await page.getByTestId('conversation-row').filter({ hasText: 'Tom Becker' }).click();
  const thread = page.getByTestId('thread');
  await thread.getByTestId('composer-mode-email').click();
  const body = `The estimate and a photo of the boiler room are attached (${Date.now()}).`;
  await thread.getByTestId('composer-input').fill(body);

  await thread.getByTestId('composer-attach').setInputFiles([ESTIMATE, PHOTO]);
  await expect(thread.getByTestId('composer-attachment')).toHaveText([/Estimate 2041 – Müller\.pdf/, /boiler-room\.jpg\s*700 KB/]);

  // Too much at once is refused before anything is uploaded, and what was attached stays.
  const video = { name: 'walkthrough.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(10 * 1024 * 1024) };
  await thread.getByTestId('composer-attach').setInputFiles([video]);
  await expect(thread.getByTestId('attachment-error')).toHaveText(
    'Attachments can add up to 10 MB per email; these come to 10.7 MB. Nothing was attached.',
  );
  await expect(thread.getByTestId('composer-attachment')).toHaveCount(2);
  await page.screenshot({ path: `${ARTIFACTS}/email-attachments-composer.png` });

  // A reload (or a crash) loses nothing typed or attached.
  await page.reload();
  await page.getByTestId('conversation-row').filter({ hasText: 'Tom Becker' }).click();
  await thread.getByTestId('composer-mode-email').click();
  await expect(thread.getByTestId('composer-input')).toHaveValue(body);
  await expect(thread.getByTestId('composer-attachment')).toHaveCount(2);

  await thread.getByTestId('composer-submit').click();
  const sent = thread.locator('[data-testid="entry"][data-direction="outbound"]').filter({ hasText: body });
  await expect(sent.getByTestId('attachment')).toHaveText([/Estimate 2041 – Müller\.pdf/, /boiler-room\.jpg/]);
  await expect(thread.getByTestId('composer-attachment')).toHaveCount(0);

  const download = page.waitForEvent('download');
  await sent.getByRole('button', { name: 'Estimate 2041 – Müller.pdf' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Estimate 2041 – Müller.pdf');
  expect(await readFile((await file.path())!)).toEqual(ESTIMATE.buffer);
  await sent.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/email-attachments-sent.png` });
});
