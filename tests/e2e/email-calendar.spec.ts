import { rmSync } from 'node:fs';
import { composeMessage } from '../integration/email-sync/email-sync-harness';
import { ARTIFACTS, expect, test } from './demo-host-fixture';
import { syncedDataFolder } from './email-display-mailbox';
import { startHost, type RunningHost } from './host-process';

test.use({ timezoneId: 'America/New_York', locale: 'en-US' });

const INVITE = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:walkthrough-7@customer.test',
  'DTSTART:20261125T140000Z',
  'DTEND:20261125T150000Z',
  'SUMMARY:Boiler room walk-through',
  'LOCATION:22 Atlantic Ave\\, Brooklyn (basement door on the left)',
  'ORGANIZER;CN=Gina Ortiz:mailto:gina@customer.test',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

let dataDir: string;
let host: RunningHost | undefined;

test.beforeEach(async () => {
  const now = Date.now();
  dataDir = await syncedDataFolder([
    await composeMessage({
      from: 'Gina Ortiz <gina@customer.test>',
      to: 'Alice Plumbing <alice@example.test>',
      subject: 'Invitation: Boiler room walk-through',
      text: 'Could your technician meet me for a walk-through of the boiler room?',
      messageId: '<gina-invite@customer.test>',
      date: new Date(now - 60 * 60 * 1000),
      icalEvent: { method: 'REQUEST', content: INVITE },
    }),
    await composeMessage({
      from: 'Alice Plumbing <alice@example.test>',
      to: 'Gina Ortiz <gina@customer.test>',
      subject: 'Re: Invitation: Boiler room walk-through',
      text: 'Our technician will be there on Wednesday at 9.',
      messageId: '<alice-answer@example.test>',
      date: new Date(now - 45 * 60 * 1000),
    }),
    await composeMessage({
      from: 'Gina Ortiz <gina@customer.test>',
      to: 'Alice Plumbing <alice@example.test>',
      subject: 'Automatic reply: Your estimate',
      text: 'I am out of the office until Monday and will answer then.',
      messageId: '<gina-away@customer.test>',
      date: new Date(now - 30 * 60 * 1000),
      headers: { 'Auto-Submitted': 'auto-replied' },
    }),
  ]);
});

test.afterEach(async () => {
  await host?.stop();
  host = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

test('an invitation shows as a readable card, and an auto-reply is flagged as one and asks for no response', async ({ page }) => {
  host = await startHost(dataDir);
  await page.goto(host.url);
  // Our answer came after the invitation; Gina's out-of-office reply to it needs none.
  const row = page.getByTestId('conversation-row').filter({ hasText: 'Gina Ortiz' });
  await expect(row).toContainText('I am out of the office until Monday');
  await expect(row.getByLabel('Needs a response')).toHaveCount(0);
  await row.click();
  const thread = page.getByTestId('thread');

  const invite = thread.getByTestId('entry').filter({ hasText: 'Invitation: Boiler room walk-through' });
  const card = invite.getByTestId('calendar-card');
  await expect(card).toContainText('Invitation');
  await expect(card.getByRole('heading')).toHaveText('Boiler room walk-through');
  await expect(card.getByTestId('calendar-when')).toHaveText('Wed, Nov 25, 2026, 09:00–10:00');
  await expect(card.getByTestId('calendar-where')).toHaveText('22 Atlantic Ave, Brooklyn (basement door on the left)');
  await expect(card.getByTestId('calendar-organizer')).toHaveText('Gina Ortiz <gina@customer.test>');
  await expect(invite.getByTestId('auto-reply-flag')).toHaveCount(0);
  await expect(invite.getByTestId('attachment')).toHaveText([/invite\.ics/]);

  const away = thread.getByTestId('entry').filter({ hasText: 'Automatic reply: Your estimate' });
  await expect(away.getByTestId('auto-reply-flag')).toHaveText('Auto-reply');
  await expect(away.getByTestId('calendar-card')).toHaveCount(0);
  await expect(page.getByTestId('dismiss-needs-response')).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}/email-calendar-and-auto-reply.png` });
});
