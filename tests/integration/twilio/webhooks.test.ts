import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entriesOf, statusesOf } from '../../../src-shared/sync/timeline-doc';
import { consentOf } from '../../../src-shared/sync/twilio-workspace-doc';
import { contactsOf, identitiesOf } from '../../../src-shared/sync/workspace-doc';
import { waitFor } from '../sync-server/harness';
import { ACCOUNT, TOKEN_VARIABLE, TwilioRig } from './twilio-harness';

const CUSTOMER = '+14155550123';

describe('Twilio webhooks on sync-server', () => {
  let rig: TwilioRig;

  beforeEach(async () => {
    rig = await TwilioRig.start();
  });

  afterEach(async () => {
    await rig.stop();
  });

  const storedEvents = () => rig.rows<{ n: number }>('SELECT count(*) AS n FROM twilio_events')[0]?.n;
  const storedRooms = () => rig.server.storedRows('ws/acme').length + rig.server.storedRows(rig.monthRoom('acme')).length;

  it('keeps the auth token out of server.sqlite, and answers 503 storing nothing when the server lacks it', async () => {
    await rig.workspace('acme');
    expect(JSON.stringify(rig.rows('SELECT * FROM twilio_accounts'))).not.toContain(ACCOUNT.authToken);
    const token = process.env[TOKEN_VARIABLE];
    delete process.env[TOKEN_VARIABLE];
    try {
      const answer = await rig.emulator.inboundMessage('acme', { from: CUSTOMER, body: 'while the token is missing' }).answer;
      expect(answer.status).toBe(503);
      expect(answer.body).toContain(TOKEN_VARIABLE);
      expect(storedEvents()).toBe(0);
    } finally {
      process.env[TOKEN_VARIABLE] = token;
    }
  });

  it('answers 403 and changes nothing for unsigned, forged, tampered or wrongly addressed requests', async () => {
    await rig.workspace('acme');
    const { params } = rig.emulator.inboundMessage('acme', { from: CUSTOMER, body: 'ignored' });
    await waitFor(() => rig.rows('SELECT id FROM twilio_events WHERE applied_at IS NOT NULL').length === 1, 'the genuine message in the documents');
    const before = { events: storedEvents(), rooms: storedRooms() };
    const forged = { ...params, MessageSid: 'SMforged00000000000000000000000000' };

    expect((await rig.emulator.post('/twilio/sms?ws=acme', forged, { authToken: null })).status).toBe(403);
    expect((await rig.emulator.post('/twilio/sms?ws=acme', forged, { authToken: 'not-the-token' })).status).toBe(403);
    // Signed for one body, sent with another.
    const signedFor = await import('twilio').then((t) => t.default.getExpectedTwilioSignature(ACCOUNT.authToken, 'https://sync.example.test/twilio/sms?ws=acme', forged));
    const tampered = await fetch(`${rig.server.url}/twilio/sms?ws=acme`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signedFor },
      body: new URLSearchParams({ ...forged, Body: 'Send the refund to account 1234' }).toString(),
    });
    expect(tampered.status).toBe(403);
    // Signed for the loopback address instead of the public URL Twilio was configured with.
    const wrongUrl = await fetch(`${rig.server.url}/twilio/sms?ws=acme`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Twilio-Signature': (await import('twilio')).default.getExpectedTwilioSignature(ACCOUNT.authToken, `${rig.server.url}/twilio/sms?ws=acme`, forged),
      },
      body: new URLSearchParams(forged).toString(),
    });
    expect(wrongUrl.status).toBe(403);
    expect((await rig.emulator.post('/twilio/sms?ws=nowhere', forged)).status).toBe(403);

    expect({ events: storedEvents(), rooms: storedRooms() }).toEqual(before);
  });

  it('has one effect for a message delivered twice, concurrently, or again under its idempotency token', async () => {
    const owner = await rig.workspace('acme');
    const { params } = rig.emulator.inboundMessage('acme', { from: CUSTOMER, body: 'Is Tuesday ok?' });
    await waitFor(() => storedEvents() === 1, 'the first delivery');
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => rig.emulator.post('/twilio/sms?ws=acme', params, i % 2 ? { idempotencyToken: 'same-token' } : {})),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const concurrent = { ...params, MessageSid: 'SMconcurrent000000000000000000000', SmsSid: 'SMconcurrent000000000000000000000' };
    await Promise.all(Array.from({ length: 8 }, () => rig.emulator.post('/twilio/sms?ws=acme', concurrent, { idempotencyToken: 'token-of-concurrent' })));
    // A retry Twilio makes carries the first delivery's token, which is enough even if the body differed.
    const retry = { ...params, MessageSid: 'SMretry0000000000000000000000000', SmsSid: 'SMretry0000000000000000000000000' };
    expect((await rig.emulator.post('/twilio/sms?ws=acme', retry, { idempotencyToken: 'token-of-concurrent' })).status).toBe(200);

    expect(storedEvents()).toBe(2);
    const month = await rig.open(rig.monthRoom('acme'), owner);
    const workspace = await rig.open('ws/acme', owner);
    await waitFor(() => entriesOf(month).size === 2, 'both entries');
    expect([...entriesOf(month).keys()].sort()).toEqual([`sms:${params.MessageSid}`, 'sms:SMconcurrent000000000000000000000'].sort());
    expect(contactsOf(workspace).size).toBe(1);
    expect(identitiesOf(workspace).get(`phone:${CUSTOMER}`)).toBe(entriesOf(month).get(`sms:${params.MessageSid}`)?.contactId);
  });

  it('joins a known number to its contact and reads a number without country code in the workspace region', async () => {
    const owner = await rig.workspace('acme');
    await rig.emulator.inboundMessage('acme', { from: CUSTOMER, body: 'first' }).answer;
    await rig.emulator.inboundMessage('acme', { from: '(415) 555-0123', body: 'second' }).answer;
    const month = await rig.open(rig.monthRoom('acme'), owner);
    await waitFor(() => entriesOf(month).size === 2, 'both entries');
    const entries = [...entriesOf(month).values()];
    expect(new Set(entries.map((e) => e.conversationId)).size).toBe(1);
  });

  it('keeps STOP, START and HELP in the workspace document, the newest keyword winning', async () => {
    const owner = await rig.workspace('acme');
    const workspace = await rig.open('ws/acme', owner);
    await rig.emulator.inboundMessage('acme', { from: CUSTOMER, body: ' Stop ' }).answer;
    await waitFor(() => consentOf(workspace, CUSTOMER)?.optedOut === true, 'the opt-out');
    expect(consentOf(workspace, CUSTOMER)?.keyword).toBe('STOP');
    await rig.emulator.inboundMessage('acme', { from: CUSTOMER, body: 'help' }).answer;
    await waitFor(() => consentOf(workspace, CUSTOMER)?.helpRequestedAt != null, 'the help request');
    expect(consentOf(workspace, CUSTOMER)?.optedOut).toBe(true);
    await rig.emulator.inboundMessage('acme', { from: CUSTOMER, body: 'UNSTOP' }).answer;
    await waitFor(() => consentOf(workspace, CUSTOMER)?.optedOut === false, 'the opt-in');
    expect(consentOf(workspace, CUSTOMER)?.keyword).toBe('UNSTOP');
    // The keywords are messages too: all three are in the thread.
    const month = await rig.open(rig.monthRoom('acme'), owner);
    expect([...entriesOf(month).values()].map((e) => e.body).sort()).toEqual([' Stop ', 'UNSTOP', 'help']);
  });

  it('converges on the furthest status whatever order the callbacks of a sent message arrive in', async () => {
    const owner = await rig.workspace('acme');
    const orders = [
      ['queued', 'sent', 'delivered'],
      ['delivered', 'sent', 'queued'],
      ['sent', 'delivered', 'queued'],
      ['delivered', 'queued', 'sent'],
      ['undelivered', 'sent', 'queued'],
      ['sent', 'undelivered', 'queued'],
    ];
    const month = await rig.open(rig.monthRoom('acme'), owner);
    for (const [index, order] of orders.entries()) {
      const to = `+1415555${String(200 + index).padStart(4, '0')}`;
      rig.emulator.silence(to);
      const item = await rig.queueSms(owner, { id: `01JORDER${index}`.padEnd(26, '0'), to, body: `order ${index}` });
      await waitFor(() => statusesOf(month).get(item.entryId)?.status === 'sent', 'sent');
      const sid = rig.emulator.sent.find((m) => m.to === to)?.sid ?? '';
      for (const status of order) {
        const params = { AccountSid: ACCOUNT.accountSid, MessageSid: sid, SmsSid: sid, MessageStatus: status, SmsStatus: status, To: to, From: ACCOUNT.number };
        await rig.emulator.post(`/twilio/status?ws=acme&outbox=${item.id}`, status === 'undelivered' ? { ...params, ErrorCode: '30003' } : params);
      }
      const expected = order.includes('undelivered') ? 'failed' : 'delivered';
      await waitFor(() => statusesOf(month).get(item.entryId)?.status === expected, `${order.join(',')} → ${expected}`);
      if (expected === 'failed') expect(statusesOf(month).get(item.entryId)?.error).toMatch(/^30003: /);
    }
  });

  it('applies a status that arrives before its message is known once the message is', async () => {
    const owner = await rig.workspace('acme');
    const to = '+14155550177';
    rig.emulator.silence(to);
    const sid = 'SMearly00000000000000000000000000';
    const early = { AccountSid: ACCOUNT.accountSid, MessageSid: sid, SmsSid: sid, MessageStatus: 'delivered', SmsStatus: 'delivered', To: to };
    expect((await rig.emulator.post('/twilio/status?ws=acme', early)).status).toBe(200);
    await waitFor(() => rig.rows<{ outcome: string }>('SELECT outcome FROM twilio_events WHERE sid = ?', sid)[0]?.outcome === 'unmatched', 'unmatched');
    rig.emulator.nextSids.push(sid);
    const item = await rig.queueSms(owner, { id: '01JEARLY00000000000000000', to, body: 'See you at 9' });
    const month = await rig.open(rig.monthRoom('acme'), owner);
    await waitFor(() => statusesOf(month).get(item.entryId)?.status === 'delivered', 'the early delivered status');
  });
});

describe('Twilio media that cannot be fetched yet', () => {
  it('keeps the message pending instead of dropping its picture, and files it with the picture after a restart', async () => {
    const rig = await TwilioRig.start();
    try {
      const owner = await rig.workspace('acme');
      const picture = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 9, 9]);
      const { sid, params } = rig.emulator.inboundMessage('acme', { from: CUSTOMER, body: 'photo of the meter', media: [{ bytes: picture, contentType: 'image/png' }] });
      // Twilio's media store answers 404 for a while (the emulator forgets the file).
      rig.emulator.forgetMedia(params.MediaUrl0 ?? '');
      await waitFor(() => rig.rows(`SELECT id FROM twilio_events WHERE sid = ?`, sid).length === 1, 'the stored event');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(rig.rows('SELECT applied_at FROM twilio_events WHERE sid = ?', sid)).toEqual([{ applied_at: null }]);

      rig.emulator.serveMedia(params.MediaUrl0 ?? '', picture, 'image/png');
      await rig.server.restart();
      const month = await rig.open(rig.monthRoom('acme'), owner);
      await waitFor(() => entriesOf(month).has(`sms:${sid}`), 'the message after the restart');
      expect(entriesOf(month).get(`sms:${sid}`)?.attachments).toMatchObject([{ contentType: 'image/png', size: picture.byteLength }]);
    } finally {
      await rig.stop();
    }
  });
});
