import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizePhone } from '../../../src-shared/identity/phone';
import { outboxStatesOf } from '../../../src-shared/sync/outbox-doc';
import { entriesOf, monthOf, statusesOf } from '../../../src-shared/sync/timeline-doc';
import { contactOf, identitiesOf, monthsOf } from '../../../src-shared/sync/workspace-doc';
import { waitFor } from '../sync-server/harness';
import { corpusPayloads, TwilioRig, type CorpusPayload } from './twilio-harness';

const payloads = corpusPayloads();
const byKind = (kind: CorpusPayload['kind']) => payloads.filter((p) => p.kind === kind);

/** What the webhook says the status is, in our words, once the message was already sent. */
const EXPECTED_STATUS: Record<string, string> = { queued: 'sent', sending: 'sent', sent: 'sent', delivered: 'delivered', undelivered: 'failed', failed: 'failed' };

describe('Twilio corpus: every recorded payload becomes the right entry', () => {
  let rig: TwilioRig;

  beforeEach(async () => {
    rig = await TwilioRig.start();
  });

  afterEach(async () => {
    await rig.stop();
  });

  it('holds the payloads the README describes', () => {
    expect(payloads).toHaveLength(27);
    expect(byKind('status_callback')).toHaveLength(12);
  });

  it.each([...byKind('inbound_sms'), ...byKind('inbound_mms'), ...byKind('whatsapp_via_twilio_inbound')].map((p) => [p.id, p] as const))(
    'inbound %s: an entry under a contact keyed by the sender, media in the blob store',
    async (_id, payload) => {
      const owner = await rig.workspace('acme');
      const media = servePayloadMedia(rig, payload);
      const answer = await rig.emulator.post('/twilio/sms?ws=acme', payload.params, idempotencyOf(payload));
      expect(answer.status).toBe(200);

      const month = await rig.open(rig.monthRoom('acme'), owner);
      const workspace = await rig.open('ws/acme', owner);
      const id = `sms:${payload.params.MessageSid}`;
      await waitFor(() => entriesOf(month).has(id), `entry ${id}`);
      const entry = entriesOf(month).get(id);
      const whatsapp = payload.kind === 'whatsapp_via_twilio_inbound';
      expect(entry).toMatchObject({ kind: 'message', channel: whatsapp ? 'whatsapp' : 'sms', direction: 'inbound', deliveryStatus: 'received' });
      const sender = normalizePhone(payload.params.From?.replace('whatsapp:', '') ?? '', 'US').e164 ?? '';
      expect(identitiesOf(workspace).get(`phone:${sender}`)).toBe(entry?.contactId);
      expect(contactOf(workspace, entry?.contactId ?? '')?.conversationId).toBe(entry?.conversationId);
      // PCs open the months the workspace lists.
      expect(monthsOf(workspace).has(monthOf(entry?.occurredAt ?? 0))).toBe(true);
      if (payload.params.Latitude) expect(entry?.body).toContain(`${payload.params.Latitude}, ${payload.params.Longitude}`);
      else expect(entry?.body).toBe(payload.params.Body);
      expect(entry?.attachments.map((a) => [a.sha256, a.contentType])).toEqual(media.map((m) => [m.sha256, m.contentType]));
      for (const file of media) {
        const blob = await fetch(`${rig.server.url}/blobs/${file.sha256}`, { headers: { Authorization: `Bearer ${owner.token}` } });
        expect(blob.status).toBe(200);
        expect(new Uint8Array(await blob.arrayBuffer())).toEqual(file.bytes);
      }
    },
  );

  it.each(byKind('status_callback').map((p) => [p.id, p] as const))(
    'status %s: moves the entry and the outbox item of the message it names, forward only',
    async (_id, payload) => {
      const owner = await rig.workspace('acme');
      const sid = payload.params.MessageSid ?? '';
      rig.emulator.nextSids.push(sid);
      const to = payload.params.To?.replace('whatsapp:', '') ?? '+15558675310';
      rig.emulator.silence(to);
      const item = await rig.queueSms(owner, { id: '01JCORPUSSTATUS0000000000', to, body: 'Your technician is on the way' });
      const month = await rig.open(rig.monthRoom('acme'), owner);
      await waitFor(() => statusesOf(month).get(item.entryId)?.status === 'sent', 'the item to be sent');

      const answer = await rig.emulator.post('/twilio/status?ws=acme', payload.params);
      expect(answer.status).toBe(200);
      const twilioStatus = payload.params.MessageStatus ?? '';
      const expected = EXPECTED_STATUS[twilioStatus];
      await waitFor(() => statusesOf(month).get(item.entryId)?.status === expected, `status ${expected}`);
      const status = statusesOf(month).get(item.entryId);
      if (payload.params.ErrorCode) expect(status?.error).toMatch(new RegExp(`^${payload.params.ErrorCode}: `));
      const outbox = await rig.open('ws/acme/outbox', owner);
      expect(outboxStatesOf(outbox).get(item.id)).toMatchObject({ state: expected, providerId: sid });
    },
  );

  it.each(byKind('voice_call').map((p) => [p.id, p] as const))('call %s: a call entry in the caller\'s thread', async (_id, payload) => {
    const owner = await rig.workspace('acme');
    const answer = await rig.emulator.post('/twilio/voice?ws=acme', payload.params);
    expect(answer.status).toBe(200);
    const month = await rig.open(rig.monthRoom('acme'), owner);
    const workspace = await rig.open('ws/acme', owner);
    const id = `call:${payload.params.CallSid}`;
    await waitFor(() => entriesOf(month).has(id), `entry ${id}`);
    const entry = entriesOf(month).get(id);
    const outbound = payload.params.Direction?.startsWith('outbound') ?? false;
    expect(entry).toMatchObject({ kind: 'call', channel: 'voice', direction: outbound ? 'outbound' : 'inbound' });
    const contact = contactOf(workspace, entry?.contactId ?? '');
    if (outbound) {
      expect(identitiesOf(workspace).get(`phone:${payload.params.To}`)).toBe(entry?.contactId);
      expect(entry?.call).toMatchObject({ outcome: 'answered', from: payload.params.From });
    } else {
      // A Twilio Client caller has no number: its thread is keyed by its name.
      expect(contact?.displayName).toBe(payload.params.From);
      expect(entry?.call?.outcome).toBe('missed');
      expect(answer.body).toContain('<Dial');
    }
  });
});

function idempotencyOf(payload: CorpusPayload): { idempotencyToken?: string } {
  const token = payload.captured_headers?.['I-Twilio-Idempotency-Token'];
  return token ? { idempotencyToken: token } : {};
}

/** Bytes for each MediaUrl<n>, served by the emulator at that very URL. */
function servePayloadMedia(rig: TwilioRig, payload: CorpusPayload) {
  const count = Number(payload.params.NumMedia ?? '0');
  return Array.from({ length: count }, (_, index) => {
    const url = payload.params[`MediaUrl${index}`] ?? '';
    const contentType = payload.params[`MediaContentType${index}`] ?? '';
    const bytes = new TextEncoder().encode(`${payload.id} media ${index} ${contentType}`);
    rig.emulator.serveMedia(url, bytes, contentType);
    return { bytes, contentType, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
}


