import { afterEach, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import type { ConversationDetail, ConversationList } from '../../../src-shared/api/requests';
import type { SmsComposeStatus } from '../../../src-shared/sms/sms-compose';
import { useTempDirs } from '../../support/temp-dir';
import { waitFor } from '../sync-server/harness';
import { inviteCode, newWorkspaceCode, sessionOf, TeamPc } from '../sync/team-pc';
import { TwilioRig } from './twilio-harness';
import { FAILED_30007 } from '../../support/twilio-emulator/emulator';
import type { TimelineEntry } from '../../../src-shared/domain/timeline';

const tempDir = useTempDirs();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function teamWithTwilio(options: Parameters<typeof TwilioRig.start>[0] = {}) {
  const rig = await TwilioRig.start(options);
  cleanups.push(() => rig.stop());
  const shop = await TeamPc.join(tempDir(), rig.server.url, newWorkspaceCode(rig.server, 'acme'), 'Olga Owner');
  cleanups.push(() => shop.core.close());
  const desk = await TeamPc.join(tempDir(), rig.server.url, inviteCode(rig.server, 'acme', sessionOf(shop)!.me.id), 'Frank Front');
  cleanups.push(() => desk.core.close());
  rig.configure('acme');
  return { rig, shop, desk };
}

const threads = async (pc: TeamPc) => (await pc.request<ConversationList>('conversations.list', { filter: 'all' })).rows;

describe('Twilio end to end with two office PCs', () => {
  it("replies from the front desk by SMS: queued in the shared outbox, sent by the server, Delivered on both PCs", async () => {
    const { rig, shop, desk } = await teamWithTwilio();
    await rig.emulator.inboundMessage('acme', { from: '+14155550123', body: 'Are you open Saturday?' }).answer;
    await waitFor(async () => (await threads(desk)).length === 1, 'the thread on the desk PC', 10_000);
    const conversationId = (await threads(desk))[0]!.id;
    await waitFor(async () => (await desk.request<SmsComposeStatus>('sms.status', { conversationId })).from !== null, 'the Twilio number');
    expect(await desk.request<SmsComposeStatus>('sms.status', { conversationId })).toEqual({
      to: '+14155550123',
      from: '+14155550100',
      pricePerSegment: 0.0079,
      unavailable: null,
    });

    const clientId = ulid();
    const entry = await desk.request<{ id: string; deliveryStatus: string }>('sms.send', { conversationId, clientId, body: 'Yes, 8 to noon.' });
    expect(entry.deliveryStatus).toBe('queued');
    const again = await desk.request<{ id: string }>('sms.send', { conversationId, clientId, body: 'Yes, 8 to noon.' });
    expect(again.id).toBe(entry.id);
    for (const pc of [desk, shop]) {
      await waitFor(async () => {
        const thread = await pc.request<ConversationDetail>('conversations.get', { conversationId });
        return thread.entries.find((e) => e.id === entry.id)?.deliveryStatus === 'delivered';
      }, 'Delivered', 10_000);
    }
    expect(rig.emulator.sent.map((m) => [m.to, m.body])).toEqual([['+14155550123', 'Yes, 8 to noon.']]);

    await rig.emulator.inboundMessage('acme', { from: '+14155550123', body: 'STOP' }).answer;
    await waitFor(async () => (await shop.request<SmsComposeStatus>('sms.status', { conversationId })).unavailable !== null, 'the opt-out on the shop PC');
    expect((await shop.request<SmsComposeStatus>('sms.status', { conversationId })).unavailable).toMatch(/replied STOP on .* They must text START/);
    await expect(shop.request('sms.send', { conversationId, clientId: ulid(), body: 'One more thing' })).rejects.toThrow(/^conflict: Not sent: .*replied STOP/);
  });

  it('shows an inbound SMS and MMS, and a missed call, on both PCs of the team', async () => {
    const { rig, shop, desk } = await teamWithTwilio();
    const answer = await rig.emulator.inboundMessage('acme', { from: '+14155550123', body: 'Can you come look at the water heater?' }).answer;
    expect(answer.status).toBe(200);
    const picture = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    await rig.emulator.inboundMessage('acme', { from: '+14155550123', body: 'This is the leak', media: [{ bytes: picture, contentType: 'image/jpeg' }] }).answer;
    await rig.emulator.post('/twilio/voice?ws=acme', rig.emulator.callParams({ from: '+14155550188' }));

    for (const pc of [shop, desk]) {
      await waitFor(async () => (await pc.request<ConversationList>('conversations.list', { filter: 'all' })).rows.length === 2, 'two threads', 10_000);
      const rows = (await pc.request<ConversationList>('conversations.list', { filter: 'all' })).rows;
      const sms = rows.find((r) => r.preview === 'This is the leak');
      expect(sms).toBeDefined();
      const thread = await pc.request<ConversationDetail>('conversations.get', { conversationId: sms!.id });
      expect(thread.entries.map((e) => [e.channel, e.direction, e.body])).toEqual([
        ['sms', 'inbound', 'Can you come look at the water heater?'],
        ['sms', 'inbound', 'This is the leak'],
      ]);
      expect(thread.entries[1]?.attachments).toMatchObject([{ contentType: 'image/jpeg', size: picture.byteLength }]);
      expect(thread.contact.identities.map((i) => i.value)).toEqual(['+14155550123']);
      const call = rows.find((r) => r.id !== sms!.id);
      const callThread = await pc.request<ConversationDetail>('conversations.get', { conversationId: call!.id });
      expect(callThread.entries.map((e) => [e.kind, e.call?.outcome])).toEqual([['call', 'missed']]);
    }
  });

  it('shows why a text failed, with Retry, and the retry goes out again through the server', async () => {
    const { rig, desk } = await teamWithTwilio({ fates: { '+14155550130': FAILED_30007 } });
    await rig.emulator.inboundMessage('acme', { from: '+14155550130', body: 'Quote for the new boiler?' }).answer;
    await waitFor(async () => (await threads(desk)).length === 1, 'the thread', 10_000);
    const conversationId = (await threads(desk))[0]!.id;
    await waitFor(async () => (await desk.request<SmsComposeStatus>('sms.status', { conversationId })).from !== null, 'the Twilio number');
    const sent = await desk.request<TimelineEntry>('sms.send', { conversationId, clientId: ulid(), body: 'It is $4,200 installed.' });
    expect(sent.outbox).toMatchObject({ state: 'queued', attempts: 0 });
    const entryOnDesk = async () => (await desk.request<ConversationDetail>('conversations.get', { conversationId })).entries.find((e) => e.id === sent.id);
    await waitFor(async () => (await entryOnDesk())?.outbox?.state === 'failed', 'failed', 10_000);
    expect((await entryOnDesk())?.outbox).toMatchObject({ state: 'failed', attempts: 1, lastError: '30007: filtered by the carrier as spam' });
    expect((await entryOnDesk())?.deliveryStatus).toBe('failed');

    const retried = await desk.request<TimelineEntry>('outbox.retry', { itemId: sent.outbox?.itemId });
    expect(retried.outbox?.state).toBe('queued');
    await waitFor(() => rig.emulator.sent.length === 2, 'the second attempt', 10_000);
    await waitFor(async () => (await entryOnDesk())?.outbox?.attempts === 2 && (await entryOnDesk())?.outbox?.state === 'failed', 'failed again');
    await expect(desk.request('outbox.resolve', { itemId: retried.outbox?.itemId, outcome: 'sent' })).rejects.toThrow(/^conflict: That text is failed now/);
  });
});
