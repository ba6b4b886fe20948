import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stableIds } from '../../../src-main/core/ingest/stable-ids';
import { readDateHeader } from '../../../src-main/channels/email/parse/date-header';
import { parseEmail } from '../../../src-main/channels/email/parse/parse-email';
import type { ParsedEmail } from '../../../src-main/channels/email/parse/parsed-email';

/** A raw message from header lines and a body, CRLF as on the wire. */
function message(headers: string[], body = 'Hello'): Buffer {
  return Buffer.from(`${headers.join('\r\n')}\r\n\r\n${body}\r\n`);
}

async function parsed(raw: Buffer | Uint8Array): Promise<ParsedEmail> {
  const result = await parseEmail(raw);
  if (!result.ok) throw new Error(result.error);
  return result.email;
}

const customer = ['From: Dana Reyes <Dana.Reyes@Example.com>', 'To: office@plumbing.example', 'Subject: Leak under the sink'];

describe('parseEmail on bad input', () => {
  it('returns an error, never throws, for input that is no message', async () => {
    expect(await parseEmail(Buffer.alloc(0))).toEqual({ ok: false, error: 'empty message' });
    expect(await parseEmail(Buffer.from('\r\n  \n'))).toEqual({ ok: false, error: 'empty message' });
    const garbage = await parseEmail(Buffer.from('hello world\nthis is not an email\n'));
    expect(garbage).toMatchObject({ ok: false, error: expect.stringContaining('not an email') });
    expect((await parseEmail(randomBytes(4096))).ok).toBe(false);
  });

  it('accepts a plain Uint8Array as well as a Buffer', async () => {
    const raw = message(customer);
    const email = await parsed(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
    expect(email.from).toEqual({ address: 'dana.reyes@example.com', name: 'Dana Reyes' });
    expect(email.subject).toBe('Leak under the sink');
    expect(email.date).toBeNull();
  });
});

describe('the stable id', () => {
  it('comes from the Message-ID, brackets or not', async () => {
    const email = await parsed(message([...customer, 'Message-ID: <abc@mail.example>']));
    expect(email.id).toBe(stableIds.email('<abc@mail.example>'));
    expect((await parsed(message([...customer, 'Message-ID: abc@mail.example']))).id).toBe(email.id);
  });

  it('comes from the raw bytes without one: the same message twice gives the same id', async () => {
    const first = await parsed(message(customer, 'Can you come Tuesday?'));
    const again = await parsed(message(customer, 'Can you come Tuesday?'));
    const other = await parsed(message(customer, 'Can you come Wednesday?'));
    expect(first.messageId).toBeNull();
    expect(again.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
  });
});

describe('classification', () => {
  it.each([
    [[...customer], 'customer'],
    [[...customer, 'List-Id: Plumbers <plumbers.lists.example>'], 'list'],
    [[...customer, 'Precedence: junk'], 'bulk'],
    [[...customer, 'List-Unsubscribe: <https://news.example/u/1>'], 'bulk'],
    [['From: Supplier <no-reply@supplier.example>', 'To: office@plumbing.example', 'Subject: Your order shipped'], 'automated'],
    [[...customer, 'Auto-Submitted: auto-generated'], 'automated'],
    [[...customer, 'Auto-Submitted: no'], 'customer'],
  ])('files %j as %s', async (headers, expected) => {
    expect((await parsed(message(headers))).classification).toBe(expected);
  });

  it('flags vacation replies by header, not by subject alone', async () => {
    const vacation = await parsed(message([...customer.slice(0, 2), 'Subject: Out of office', 'X-Autoreply: yes']));
    expect(vacation).toMatchObject({ autoReply: true, classification: 'automated' });
    const person = await parsed(message([...customer.slice(0, 2), 'Subject: Out of office until Monday, call my cell']));
    expect(person).toMatchObject({ autoReply: false, classification: 'customer' });
    expect((await parsed(message([...customer, 'Precedence: auto_reply']))).autoReply).toBe(true);
  });

  it("keeps a customer's calendar invitation as customer mail, despite Auto-Submitted", async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20250704',
      'DTEND;VALUE=DATE:20250705',
      'SUMMARY:Boiler service\\, basement',
      'LOCATION:12 Elm St\\nBackdoor',
      'ORGANIZER;CN="Dana Reyes":mailto:Dana.Reyes@example.com',
      'BEGIN:VALARM',
      'SUMMARY:Alarm notification',
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const email = await parsed(
      message([...customer, 'Auto-Submitted: auto-generated', 'Content-Type: text/calendar; method=REQUEST; charset=UTF-8'], ics),
    );
    expect(email.classification).toBe('customer');
    expect(email.calendar).toEqual({
      method: 'REQUEST',
      summary: 'Boiler service, basement',
      start: '2025-07-04',
      end: '2025-07-05',
      allDay: true,
      location: '12 Elm St\nBackdoor',
      organizer: { address: 'dana.reyes@example.com', name: 'Dana Reyes' },
    });
  });

  it('keeps the wall-clock time of a zone Intl does not know, as Outlook names them', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;TZID=Pacific Standard Time:20250310T090000\r\nSUMMARY:Estimate\r\nEND:VEVENT\r\nEND:VCALENDAR';
    const email = await parsed(message([...customer, 'Content-Type: text/calendar'], ics));
    expect(email.calendar).toMatchObject({ start: '2025-03-10T09:00:00', end: null, allDay: false, summary: 'Estimate' });
  });
});

describe('readDateHeader', () => {
  it.each([
    ['Fri, 21 Nov 1997 09:55:06 -0600', Date.parse('1997-11-21T15:55:06Z')],
    ['Thu, 29 Apr 2013 23:45:22 +0900 (JST)', Date.parse('2013-04-29T14:45:22Z')],
    ['21 Nov 97 09:55:06 GMT', Date.parse('1997-11-21T09:55:06Z')],
    ['Tue, 12 Oct 2010 16:21:05 H0500', null],
    ['', null],
    [null, null],
  ])('reads %j', (header, expected) => {
    expect(readDateHeader(header)).toBe(expected);
  });
});
