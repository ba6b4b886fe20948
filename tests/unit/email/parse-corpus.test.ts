import { beforeAll, describe, expect, it } from 'vitest';
import { parseEmail } from '../../../src-main/channels/email/parse/parse-email';
import type { ParsedEmail } from '../../../src-main/channels/email/parse/parsed-email';
import { corpusFiles, readCorpusFile } from './email-corpus';

const parsed = new Map<string, ParsedEmail>();

function email(file: string): ParsedEmail {
  const found = parsed.get(file);
  if (!found) throw new Error(`${file} did not parse`);
  return found;
}

beforeAll(async () => {
  for (const file of corpusFiles()) {
    const result = await parseEmail(readCorpusFile(file));
    if (result.ok) parsed.set(file, result.email);
  }
});

describe('parseEmail over the shared corpus', () => {
  it('parses all 187 messages, with no NaN dates and one distinct id per distinct message', () => {
    const files = corpusFiles();
    expect(files).toHaveLength(187);
    expect(files.filter((file) => !parsed.has(file))).toEqual([]);
    for (const message of parsed.values()) {
      if (message.date !== null) expect(Number.isFinite(message.date)).toBe(true);
      expect(message.id).toMatch(/^email:[0-9a-f]{32}$/);
    }
    const distinctMessageIds = new Set([...parsed.values()].map((m) => m.messageId ?? m.id));
    expect(new Set([...parsed.values()].map((m) => m.id)).size).toBe(distinctMessageIds.size);
  });

  it.each([
    ['mail-gem/multi_charset/japanese_iso_2022.eml', 'まみむめも'],
    ['mail-gem/plain_emails/raw_email_with_partially_quoted_subject.eml', 'Re: Test: "漢字" mid "漢字" tail'],
    ['mail-gem/attachment_emails/attachment_with_quoted_filename.eml', 'Eelanalüüsi päring'],
    ['mail-gem/mime_emails/raw_email_encoded_stack_level_too_deep.eml', 'Nicolas Fouché has accepted your invitation to Gmail'],
    ['mail-gem/rfc6532/utf8_headers.eml', 'Säying Hello'],
    ['php-mime-mail-parser/issue212.eml', 'Automatyczna odpowiedź: Piotrze, test z 6 miesięcy nauki ciągle na Ciebie czeka'],
    ['php-mime-mail-parser/m0022.eml', '[PRJ-OTH] asdf  árvíztűrő tükörfúrógép'],
    ['php-mime-mail-parser/m0001.eml', 'Mail avec fichier attaché de 1ko'],
    // Two ISO-2022-JP encoded words that split one escape sequence between them.
    ['sisimai-bounces/lhost-exchange2007-04.eml', 'Undeliverable: キジトラ・フラッシュ/ニャーン'],
    ['sisimai-bounces/lhost-domino-02.eml', 'DELIVERY FAILURE:  ユーザー Neko (kijitora@example.co.jp) は Domino ディレクトリには見つかりません。'],
    ['sisimai-bounces/lhost-kddi-01.eml', 'メールエラー通知'],
  ])('decodes the subject of %s', (file, subject) => {
    expect(email(file).subject).toBe(subject);
  });

  it('decodes bodies in legacy charsets', () => {
    expect(email('php-mime-mail-parser/failure.eml').text).toContain('次の受信者またはグループへの配信に失敗しました');
    expect(email('apparmor-list/1218-gbk.eml').text).not.toContain('\uFFFD');
  });

  it.each([
    // RFC 2231 (filename*=charset''percent-encoded)
    ['mail-gem/attachment_emails/attachment_with_quoted_filename.eml', 'Eelanalüüsi päring.jpg'],
    ['php-mime-mail-parser/issue274.eml', 'Cours-Tutoriels-Serge-Tahé-1568x268.png'],
    // RFC 2047 encoded words inside the parameter, as Outlook and Gmail write them
    ['mail-gem/multi_charset/japanese_attachment.eml', 'てすと.txt'],
    ['php-mime-mail-parser/m0018.eml', '사진.JPG'],
    ['php-mime-mail-parser/m0024.eml', 'Biodiversité de semaine en semaine.doc'],
    ['mail-gem/attachment_emails/attachment_with_base64_encoded_name.eml', 'This is a test.pdf'],
    // raw 8-bit UTF-8
    ['mail-gem/attachment_emails/attachment_nonascii_filename.eml', 'ciële.txt'],
  ])('reads the attachment name of %s', (file, filename) => {
    expect(email(file).attachments.map((a) => a.filename)).toContain(filename);
  });

  it('hashes attachment content and reports its decoded size', () => {
    const [txt] = email('mail-gem/attachment_emails/attachment_nonascii_filename.eml').attachments;
    expect(new TextDecoder().decode(txt!.content)).toBe('Hi there.\r\n');
    expect(txt).toMatchObject({ size: 11, contentType: 'text/plain', inline: false });
    // sha256sum of the 11 bytes above
    expect(txt!.sha256).toBe('12ad052c11ebcc644692dfbf6186c8441a55ba49e7f8a5f979eeb638160669d8');
  });

  it('marks an embedded cid image inline, with the Content-ID its HTML points at', () => {
    const message = email('apparmor-list/1719-related-inline-image.eml');
    const image = message.attachments.find((a) => a.filename === 'image001.png');
    expect(image).toMatchObject({ contentType: 'image/png', inline: true, contentId: 'image001.png@01DBD6DE.EFB19CC0' });
    expect(message.html).toContain('cid:image001.png@01DBD6DE.EFB19CC0');
    const plain = email('php-mime-mail-parser/m0025.eml').attachments.find((a) => a.filename === 'attachment.txt');
    expect(plain?.inline).toBe(false);
  });

  it('turns a calendar invitation into a card, its time resolved from the TZID', () => {
    expect(email('apparmor-list/0118-calendar-updated.eml').calendar).toEqual({
      method: 'REQUEST',
      summary: 'AppArmor Meeting',
      start: '2018-03-13T18:00:00Z',
      end: '2018-03-13T19:00:00Z',
      allDay: false,
      location: '#apparmor on oftc.net',
      organizer: { address: 'john.johansen@canonical.com', name: 'John Johansen' },
    });
    // 10am Los Angeles in January is PST, UTC-8.
    expect(email('apparmor-list/0133-calendar-updated.eml').calendar?.start).toBe('2020-01-14T18:00:00Z');
    expect(email('php-mime-mail-parser/m0001.eml').calendar).toBeNull();
  });

  it.each([
    ['sisimai-bounces/lhost-postfix-01.eml', '5.1.1', 'kijitora@example.org', 'No such user'],
    ['sisimai-bounces/lhost-sendmail-01.eml', '5.1.1', 'userunknown@bouncehammer.jp', '550 5.1.1 <userunknown@bouncehammer.jp>... User Unknown'],
    ['sisimai-bounces/rhost-google-01.eml', '5.2.1', 'shironeko@example.ne.jp', 'The email account that you tried to reach is disabled'],
    ['sisimai-bounces/lhost-exchange2007-04.eml', '5.7.1', 'neko-nyaan@cat.example.jp', 'RESOLVER.RST.AuthRequired'],
    // Status 5.0.0 in the report, the precise code only in the remote server's reply.
    ['sisimai-bounces/lhost-courier-01.eml', '5.1.1', 'kijitora@example.co.jp', 'User Unknown'],
    ['mail-gem/multipart_report_emails/report_422.eml', '4.2.2', 'fraser@oooooooo.com.au', 'Mailbox full'],
    // Bounces written for people only, no delivery-status part.
    ['sisimai-bounces/lhost-exim-59.eml', '5.1.1', 'kijitora@icloud.example.com', 'unknown or illegal alias'],
    ['sisimai-bounces/lhost-qmail-01.eml', '5.5.0', 'kijitora@example.ne.jp', '#5.5.0'],
    ['sisimai-bounces/lhost-yahoo-01.eml', '5.1.1', 'kijitora@example.org', 'User Unknown'],
    ['sisimai-bounces/lhost-dragonfly-01.eml', '5.7.26', 'pseudo-local-part@google.example.com', 'Unauthenticated email'],
    ['sisimai-bounces/lhost-zoho-01.eml', '5.1.1', 'kijitora@example.co.jp', 'Invalid Address'],
  ])('reads the bounce %s', (file, status, recipient, diagnostic) => {
    const message = email(file);
    expect(message.bounce).toMatchObject({ status, recipient });
    expect(message.bounce?.diagnostic).toContain(diagnostic);
    expect(message.classification).toBe('automated');
  });

  it('finds the Message-ID of the returned message, attached or quoted', () => {
    expect(email('sisimai-bounces/lhost-sendmail-01.eml').bounce?.originalMessageId).toBe('<E1C50F1B-1C83-4820-BC36-AC6FBFBE8568@example.org>');
    expect(email('mail-gem/multipart_report_emails/report_530.eml').bounce?.originalMessageId).toBe(
      '<200712232303.lBNN3jDq002941@mail12.rrrr.com.au>',
    );
    expect(email('sisimai-bounces/lhost-exim-59.eml').bounce?.originalMessageId).toBe('<d111875269acf00cb339571a5a2ce349.squirrel@example.com>');
  });

  it('does not take a spam feedback report, an auto-reply or a customer for a bounce', () => {
    expect(email('sisimai-bounces/arf-01.eml').bounce).toBeNull();
    expect(email('sisimai-bounces/rfc3834-01.eml').bounce).toBeNull();
    const customers = [...parsed.values()].filter((m) => m.classification === 'customer');
    expect(customers.length).toBeGreaterThan(50);
    expect(customers.filter((m) => m.bounce !== null)).toEqual([]);
  });

  it('flags auto-replies by their headers', () => {
    expect(email('sisimai-bounces/rfc3834-01.eml')).toMatchObject({ autoReply: true, classification: 'automated' });
    // Outlook: "Automatic reply:" backed by a null Return-Path and X-Auto-Response-Suppress.
    expect(email('sisimai-bounces/rfc3834-04.eml').autoReply).toBe(true);
    // The same subject with no header behind it is a person writing.
    expect(email('php-mime-mail-parser/issue212.eml')).toMatchObject({ autoReply: false, classification: 'customer' });
    expect(email('sisimai-bounces/lhost-postfix-01.eml').autoReply).toBe(false);
  });

  it('files mailing-list mail as list, newsletters as bulk, and keeps customer mail', () => {
    const inFolder = (prefix: string) => [...parsed.entries()].filter(([file]) => file.startsWith(prefix)).map(([, m]) => m.classification);
    expect(inFolder('apparmor-list/')).toEqual(Array(8).fill('list'));
    expect(inFolder('notmuch-lkml/')).toEqual(Array(52).fill('list'));
    expect(email('php-mime-mail-parser/m0015.eml').classification).toBe('bulk');
    expect(email('mail-gem/plain_emails/raw_email_reply.eml').classification).toBe('customer');
    expect(email('mail-gem/attachment_emails/attachment_pdf.eml').classification).toBe('customer');
  });

  it('normalizes addresses and keeps reply chains', () => {
    const reply = email('mail-gem/rfc2822/example07.eml');
    expect(reply.messageId).toBe('<abcd.1234@local.machine.tld>');
    expect(reply.inReplyTo).toBe('<3456@example.net>');
    expect(reply.references).toEqual(['<1234@local.machine.example>', '<3456@example.net>']);
    expect(email('sisimai-bounces/lhost-postfix-01.eml').from).toEqual({
      address: 'mailer-daemon@p351355.pool.example.ne.jp',
      name: 'Mail Delivery System',
    });
    expect(email('notmuch-lkml/thread01/048.eml').references.length).toBeGreaterThan(1);
  });

  it('gives null for a missing or unreadable date rather than the time of parsing', () => {
    expect(email('mail-gem/error_emails/bad_date_header2.eml').date).toBeNull();
    expect(email('mail-gem/multi_charset/japanese.eml').date).toBeNull();
    expect(email('mail-gem/rfc2822/example01.eml').date).toBe(Date.parse('1997-11-21T15:55:06Z'));
    // A comment inside the time and spaces around its colons (RFC 2822 appendix A.5).
    expect(email('mail-gem/rfc2822/example13.eml').date).toBe(Date.parse('1997-11-21T15:55:06Z'));
  });

  it('renders HTML-only mail as text', () => {
    const message = email('mail-gem/error_emails/content_transfer_encoding_with_8bits.eml');
    expect(message.html).not.toBeNull();
    expect(message.text.trim().length).toBeGreaterThan(100);
    expect(message.text).not.toMatch(/<\/?(?:table|td|p|div)\b/i);
  });
});
