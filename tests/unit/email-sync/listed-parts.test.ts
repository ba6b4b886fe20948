import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../../src-main/channels/email/parse/parse-email';
import type { EmailAttachment } from '../../../src-main/channels/email/parse/parsed-email';
import { listedParts } from '../../../src-main/channels/email/sync/listed-parts';
import { readCorpusFile } from '../email/email-corpus';

const INVITE = ['BEGIN:VCALENDAR', 'METHOD:REQUEST', 'BEGIN:VEVENT', 'UID:survey-1@customer.test', 'DTSTART:20261125T140000Z', 'SUMMARY:Survey', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');

async function partsOf(raw: Buffer): Promise<EmailAttachment[]> {
  const result = await parseEmail(raw);
  if (!result.ok) throw new Error(result.error);
  return result.email.attachments;
}

const compose = (options: ConstructorParameters<typeof MailComposer>[0]) =>
  new MailComposer({ from: 'gina@customer.test', to: 'office@shop.test', subject: 'Survey', text: 'See the invitation.', ...options }).compile().build();

const listed = (parts: EmailAttachment[]) => listedParts(parts).map((part) => [part.filename, part.contentType]);

describe('the files an email lists', () => {
  it("lists a Google Calendar invitation's event once, as its invite.ics", async () => {
    const parts = await partsOf(readCorpusFile('apparmor-list/0133-calendar-updated.eml'));
    expect(parts.map((part) => part.filename)).toContain(null);
    expect(listed(parts)).toEqual([['invite.ics', 'application/ics']]);
  });

  it('lists the invitation nodemailer sends as one invite.ics, not beside a nameless copy', async () => {
    const parts = await partsOf(await compose({ icalEvent: { method: 'REQUEST', content: INVITE } }));
    expect(parts).toHaveLength(2);
    expect(listed(parts)).toEqual([['invite.ics', 'application/ics']]);
  });

  it('names a lone calendar part (as Outlook sends it) invite.ics, so it can still be opened', async () => {
    const parts = await partsOf(await compose({ alternatives: [{ contentType: 'text/calendar; method=REQUEST', content: INVITE }] }));
    const [only] = listedParts(parts);
    expect(listed(parts)).toEqual([['invite.ics', 'text/calendar']]);
    expect(Buffer.from(only!.content).toString()).toContain('SUMMARY:Survey');
  });

  it('keeps every other part, named or not', async () => {
    const parts = await partsOf(
      await compose({
        attachments: [{ filename: 'estimate.pdf', content: Buffer.from('%PDF-1.4'), contentType: 'application/pdf' }],
        alternatives: [{ contentType: 'text/vcard', content: 'BEGIN:VCARD\r\nFN:Gina Ortiz\r\nEND:VCARD' }],
      }),
    );
    expect(parts.map((part) => part.filename)).toEqual([null, 'estimate.pdf']);
    expect(listedParts(parts)).toEqual(parts);
  });
});
