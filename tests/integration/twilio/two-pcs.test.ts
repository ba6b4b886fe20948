import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationDetail, ConversationList } from '../../../src-shared/api/requests';
import { useTempDirs } from '../../support/temp-dir';
import { waitFor } from '../sync-server/harness';
import { inviteCode, newWorkspaceCode, sessionOf, TeamPc } from '../sync/team-pc';
import { TwilioRig } from './twilio-harness';

const tempDir = useTempDirs();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('Twilio end to end with two office PCs', () => {
  it('shows an inbound SMS and MMS, and a missed call, on both PCs of the team', async () => {
    const rig = await TwilioRig.start();
    cleanups.push(() => rig.stop());
    const shop = await TeamPc.join(tempDir(), rig.server.url, newWorkspaceCode(rig.server, 'acme'), 'Olga Owner');
    cleanups.push(() => shop.core.close());
    const desk = await TeamPc.join(tempDir(), rig.server.url, inviteCode(rig.server, 'acme', sessionOf(shop)!.me.id), 'Frank Front');
    cleanups.push(() => desk.core.close());
    rig.configure('acme');

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
});
