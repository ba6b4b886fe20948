import { describe, expect, it } from 'vitest';
import { mapEmail, type MailContext } from '../../../src-main/channels/email/sync/map-email';
import type { ParsedEmail } from '../../../src-main/channels/email/parse/parsed-email';
import { stableIds } from '../../../src-main/core/ingest/stable-ids';

function parsed(overrides: Partial<ParsedEmail>): ParsedEmail {
  return {
    id: stableIds.email('<m1@customer.test>'),
    from: { address: 'dana@customer.test', name: 'Dana' },
    to: [{ address: 'office@shop.test', name: null }],
    cc: [],
    replyTo: [],
    subject: 'Leak',
    date: 1_000,
    messageId: '<m1@customer.test>',
    inReplyTo: null,
    references: [],
    text: 'It leaks.',
    html: null,
    attachments: [],
    calendar: null,
    bounce: null,
    autoReply: false,
    classification: 'customer',
    ...overrides,
  };
}

const inbox: MailContext = { role: 'inbox', ownAddress: 'office@shop.test', receivedAt: 5_000, attachments: [], htmlSha256: null };

describe('filing a parsed email', () => {
  it('makes customer mail an inbound entry of the sender', () => {
    const mail = mapEmail(parsed({}), inbox);
    expect(mail.filedAs === 'entry' && mail.entry).toMatchObject({
      direction: 'inbound',
      deliveryStatus: 'received',
      customer: { identities: [{ kind: 'email', value: 'dana@customer.test' }], displayName: 'Dana' },
      occurredAt: 1_000,
    });
  });

  it('makes our sent mail an outbound entry of the first customer it went to, never of ourselves', () => {
    const ours = parsed({
      from: { address: 'office@shop.test', name: 'Shop' },
      to: [{ address: 'office@shop.test', name: null }, { address: 'erik@customer.test', name: 'Erik' }],
      date: null,
    });
    const mail = mapEmail(ours, { ...inbox, role: 'sent' });
    expect(mail.filedAs === 'entry' && mail.entry).toMatchObject({
      direction: 'outbound',
      deliveryStatus: 'sent',
      customer: { identities: [{ kind: 'email', value: 'erik@customer.test' }] },
      occurredAt: 5_000,
    });
  });

  it('keeps list mail, and customer mail that names no customer, in other mail', () => {
    expect(mapEmail(parsed({ classification: 'list' }), inbox)).toMatchObject({ filedAs: 'other', category: 'list' });
    const toSelf = parsed({ from: { address: 'office@shop.test', name: null } });
    expect(mapEmail(toSelf, inbox)).toMatchObject({ filedAs: 'other', category: 'automated' });
  });

  it('turns a permanent bounce into a report on the returned message, and ignores a delay', () => {
    const bounce = { status: '5.1.1', recipient: 'nobody@customer.test', diagnostic: 'User unknown', originalMessageId: '<ours@shop.test>' };
    const mail = mapEmail(parsed({ classification: 'automated', bounce }), inbox);
    expect(mail.filedAs === 'other' && mail.bounce).toEqual({
      failedEntryId: stableIds.email('<ours@shop.test>'),
      recipient: 'nobody@customer.test',
      status: '5.1.1',
      diagnostic: 'User unknown',
    });
    const delayed = mapEmail(parsed({ classification: 'automated', bounce: { ...bounce, status: '4.4.1' } }), inbox);
    expect(delayed.filedAs === 'other' && delayed.bounce).toBeNull();
  });

  it('caps the body the documents carry', () => {
    const mail = mapEmail(parsed({ text: 'x'.repeat(30_000) }), inbox);
    expect(mail.filedAs === 'entry' && mail.entry.body.length).toBe(20_001);
  });
});
