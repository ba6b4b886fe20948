import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { moveOutboxItem, outboxStatesOf, outboxItemsOf, outboundSmsEntryId, type OutboxItemRecord } from '../../../src-shared/sync/outbox-doc';
import { monthOf, entriesOf, statusesOf } from '../../../src-shared/sync/timeline-doc';
import { isOptedOut, smsSettingsOf } from '../../../src-shared/sync/twilio-workspace-doc';
import { startSyncServer } from '../../../sync-server/server';
import { DOCUMENTS_FILE } from '../../../sync-server/store/sqlite-document-store';
import { FILTERED_30007 } from '../../support/twilio-emulator/emulator';
import { waitFor } from '../sync-server/harness';
import { ACCOUNT, PUBLIC_URL, TwilioRig } from './twilio-harness';

const CUSTOMER = '+14155550123';
const FILTERED = '+14155550130';

describe('Outbound SMS through the shared outbox', () => {
  let rig: TwilioRig;

  beforeEach(async () => {
    rig = await TwilioRig.start({ fates: { [FILTERED]: FILTERED_30007 } });
  });

  afterEach(async () => {
    await rig.stop();
  });

  it('sends a queued item with the twilio client and follows the signed callbacks to delivered', async () => {
    const owner = await rig.workspace('acme');
    const item = await rig.queueSms(owner, { id: '01JSEND000000000000000000A', to: CUSTOMER, body: 'Your technician arrives at 9:30.' });
    const outbox = await rig.open('ws/acme/outbox', owner);
    const month = await rig.open(rig.monthRoom('acme'), owner);
    await waitFor(() => outboxStatesOf(outbox).get(item.id)?.state === 'delivered', 'delivered', 10_000);
    await rig.emulator.settled();

    const [message] = rig.emulator.sent;
    expect(rig.emulator.sent).toHaveLength(1);
    expect(message).toMatchObject({ to: CUSTOMER, from: ACCOUNT.number, body: 'Your technician arrives at 9:30.' });
    expect(message?.statusCallback).toBe(`${PUBLIC_URL}/twilio/status?ws=acme&outbox=${item.id}`);
    expect(message?.callbacks).toEqual(['queued', 'sent', 'delivered'].map((status) => ({ status, answer: 200 })));
    expect(outboxStatesOf(outbox).get(item.id)).toMatchObject({ state: 'delivered', attempts: 1, providerId: message?.sid, error: null });
    expect(entriesOf(month).get(item.entryId)).toMatchObject({ channel: 'sms', direction: 'outbound', body: item.body, authorMemberId: owner.memberId });
    expect(statusesOf(month).get(item.entryId)?.status).toBe('delivered');
    const workspace = await rig.open('ws/acme', owner);
    expect(smsSettingsOf(workspace)).toEqual({ number: ACCOUNT.number, pricePerSegment: 0.0079, forwardTo: '+14155550199' });
  });

  it('marks a message the carrier filtered failed with 30007', async () => {
    const owner = await rig.workspace('acme');
    const item = await rig.queueSms(owner, { id: '01JSEND000000000000000000B', to: FILTERED, body: 'WIN A FREE CRUISE' });
    const outbox = await rig.open('ws/acme/outbox', owner);
    await waitFor(() => outboxStatesOf(outbox).get(item.id)?.state === 'failed', 'failed', 10_000);
    expect(outboxStatesOf(outbox).get(item.id)?.error).toBe('30007: filtered by the carrier as spam');
    const month = await rig.open(rig.monthRoom('acme'), owner);
    await waitFor(() => statusesOf(month).get(item.entryId)?.status === 'failed', 'entry failed');
  });

  it('refuses to text a number that replied STOP, with the reason, and sends again after START', async () => {
    const owner = await rig.workspace('acme');
    const workspace = await rig.open('ws/acme', owner);
    await rig.emulator.inboundMessage('acme', { from: CUSTOMER, body: 'STOP' }).answer;
    await waitFor(() => isOptedOut(workspace, CUSTOMER), 'the opt-out');
    const refused = await rig.queueSms(owner, { id: '01JSEND000000000000000000C', to: CUSTOMER, body: 'Reminder: 9:30 tomorrow' });
    const outbox = await rig.open('ws/acme/outbox', owner);
    await waitFor(() => outboxStatesOf(outbox).get(refused.id)?.state === 'failed', 'refused');
    expect(outboxStatesOf(outbox).get(refused.id)?.error).toMatch(/^Not sent: \+14155550123 replied STOP on \d{4}-\d\d-\d\d and has opted out/);
    expect(rig.emulator.sent).toHaveLength(0);

    await rig.emulator.inboundMessage('acme', { from: CUSTOMER, body: 'start' }).answer;
    await waitFor(() => !isOptedOut(workspace, CUSTOMER), 'the opt-in');
    const allowed = await rig.queueSms(owner, { id: '01JSEND000000000000000000D', to: CUSTOMER, body: 'Thanks, see you at 9:30' });
    await waitFor(() => outboxStatesOf(outbox).get(allowed.id)?.state === 'delivered', 'delivered after START', 10_000);
    expect(rig.emulator.sent.map((m) => m.body)).toEqual(['Thanks, see you at 9:30']);
  });

  it('fails an item Twilio refuses, with Twilio\'s code and words', async () => {
    const owner = await rig.workspace('acme');
    const item = await rig.queueSms(owner, { id: '01JSEND000000000000000000E', to: '+1415', body: 'hello' });
    const outbox = await rig.open('ws/acme/outbox', owner);
    await waitFor(() => outboxStatesOf(outbox).get(item.id)?.state === 'failed', 'failed');
    expect(outboxStatesOf(outbox).get(item.id)?.error).toBe("Twilio refused the message (21211: The 'To' number +1415 is not a valid phone number.)");
  });

  it('makes an item unknown, not failed, when Twilio answers 500, since the text may have gone out', async () => {
    const owner = await rig.workspace('acme');
    rig.emulator.refuseNext = { status: 500, code: 20500, message: 'Internal Server Error' };
    const item = await rig.queueSms(owner, { id: '01JSEND000000000000000000H', to: CUSTOMER, body: 'Running 10 minutes late' });
    const outbox = await rig.open('ws/acme/outbox', owner);
    await waitFor(() => outboxStatesOf(outbox).get(item.id)?.state === 'unknown', 'unknown');
    expect(outboxStatesOf(outbox).get(item.id)?.error).toBe('Twilio had a problem (20500: Internal Server Error); the text may or may not have gone out. Check before sending it again.');
    expect(rig.emulator.sent).toHaveLength(0);
  });

  it('leaves an item the server stopped in the middle of sending as unknown, never resending it, until Twilio tells', async () => {
    const owner = await rig.workspace('acme');
    await rig.server.server.close();
    const createdAt = Date.now();
    const item: OutboxItemRecord = {
      id: '01JSEND000000000000000000F',
      channel: 'sms',
      conversationId: 'cv_x',
      contactId: 'ct_x',
      entryId: outboundSmsEntryId('01JSEND000000000000000000F'),
      entryMonth: monthOf(createdAt),
      to: CUSTOMER,
      body: 'Sent just before the power cut',
      media: [],
      authorMemberId: owner.memberId,
      createdAt,
    };
    // What a server that died inside messages.create leaves behind: the item stored as sending.
    const email = { ...item, id: '01JSEND000000000000000000G', channel: 'email' as const, to: 'jenny@example.com' };
    appendToStoredRoom(rig.server.dataDir, 'ws/acme/outbox', (doc) => {
      for (const record of [item, email]) {
        outboxItemsOf(doc).set(record.id, record);
        outboxStatesOf(doc).set(record.id, { state: 'sending', error: null, at: createdAt, attempts: 1, providerId: null });
      }
    });
    rig.server.server = await startSyncServer({ dataDir: rig.server.dataDir, port: rig.server.server.port, log: () => {}, publicUrl: PUBLIC_URL, twilioApi: rig.emulator.api });

    const outbox = await rig.open('ws/acme/outbox', owner);
    await waitFor(() => outboxStatesOf(outbox).get(item.id)?.state === 'unknown', 'unknown');
    expect(outboxStatesOf(outbox).get(item.id)?.error).toMatch(/may or may not have reached the customer/);
    expect(rig.emulator.sent).toHaveLength(0);
    // An email the channel host is sending at that moment is the host's business, not the server's.
    expect(outboxStatesOf(outbox).get(email.id)?.state).toBe('sending');

    // Twilio had accepted it after all: its callback names the item, which settles it.
    const sid = 'SMpowercut000000000000000000000000';
    const params = { AccountSid: ACCOUNT.accountSid, MessageSid: sid, SmsSid: sid, MessageStatus: 'delivered', SmsStatus: 'delivered', To: CUSTOMER };
    expect((await rig.emulator.post(`/twilio/status?ws=acme&outbox=${item.id}`, params)).status).toBe(200);
    await waitFor(() => outboxStatesOf(outbox).get(item.id)?.state === 'delivered', 'delivered');
    expect(outboxStatesOf(outbox).get(item.id)?.providerId).toBe(sid);
    expect(rig.emulator.sent).toHaveLength(0);
  });
});

/** Writes into a room's stored log while the server is down, as the server itself would have. */
function appendToStoredRoom(dataDir: string, room: string, change: (doc: Y.Doc) => void): void {
  const db = new Database(path.join(dataDir, DOCUMENTS_FILE));
  try {
    const doc = new Y.Doc();
    for (const row of db.prepare<[string], { data: Buffer }>('SELECT data FROM doc_updates WHERE room = ? ORDER BY id').all(room)) {
      Y.applyUpdate(doc, new Uint8Array(row.data));
    }
    const before = Y.encodeStateVector(doc);
    change(doc);
    db.prepare('INSERT INTO doc_updates (room, data) VALUES (?, ?)').run(room, Buffer.from(Y.encodeStateAsUpdate(doc, before)));
  } finally {
    db.close();
  }
}

describe('Who may have the server send a text', () => {
  let rig: TwilioRig;

  beforeEach(async () => {
    rig = await TwilioRig.start();
  });

  afterEach(async () => {
    await rig.stop();
  });

  it('refuses a gated agent\'s text written straight into the queue, and one naming another author', async () => {
    const owner = await rig.workspace('acme');
    const gated = await rig.server.invite(owner, 'gated_agent', 'Trainee');
    const agent = await rig.server.invite(owner, 'agent', 'Front desk');
    const bypass = await rig.queueSms(gated, { id: '01JGATE0000000000000000000', to: CUSTOMER, body: 'I skipped approval' });
    const forged = await rig.queueSms({ ...agent, memberId: owner.memberId }, { id: '01JGATE0000000000000000001', to: CUSTOMER, body: 'Signed as the owner' });
    const outbox = await rig.open('ws/acme/outbox', owner);
    await waitFor(() => outboxStatesOf(outbox).get(bypass.id)?.state === 'failed' && outboxStatesOf(outbox).get(forged.id)?.state === 'failed', 'both refused');
    expect(outboxStatesOf(outbox).get(bypass.id)?.error).toBe('Not sent: texts from a gated agent need an owner or manager to approve them.');
    expect(outboxStatesOf(outbox).get(forged.id)?.error).toBe('Not sent: this text was not written by the member it names as its author.');
    expect(rig.emulator.sent).toHaveLength(0);
  });

  it('sends a gated agent\'s text once a manager approves it, not when another agent does', async () => {
    const owner = await rig.workspace('acme');
    const gated = await rig.server.invite(owner, 'gated_agent', 'Trainee');
    const agent = await rig.server.invite(owner, 'agent', 'Front desk');
    const manager = await rig.server.invite(owner, 'manager', 'Office manager');
    const item = await rig.queueSms(gated, { id: '01JGATE0000000000000000002', to: CUSTOMER, body: 'Please confirm 9:30', initial: 'pending_approval' });
    const byAgent = await rig.open('ws/acme/outbox', agent);
    await waitFor(() => outboxStatesOf(byAgent).get(item.id)?.state === 'pending_approval', 'the item on the agent PC');
    moveOutboxItem(byAgent, item.id, 'queued', { at: Date.now() });
    await waitFor(() => outboxStatesOf(byAgent).get(item.id)?.state === 'failed', 'refused');
    expect(outboxStatesOf(byAgent).get(item.id)?.error).toBe('Not sent: an agent cannot approve texts; an owner or manager must.');

    const second = await rig.queueSms(gated, { id: '01JGATE0000000000000000003', to: CUSTOMER, body: 'Please confirm 10:30', initial: 'pending_approval' });
    const byManager = await rig.open('ws/acme/outbox', manager);
    await waitFor(() => outboxStatesOf(byManager).get(second.id)?.state === 'pending_approval', 'the item on the manager PC');
    moveOutboxItem(byManager, second.id, 'queued', { at: Date.now() });
    await waitFor(() => outboxStatesOf(byManager).get(second.id)?.state === 'delivered', 'delivered', 10_000);
    expect(rig.emulator.sent.map((m) => m.body)).toEqual(['Please confirm 10:30']);
  });
});
