import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entriesOf } from '../../../src-shared/sync/timeline-doc';
import { contactOf, identitiesOf } from '../../../src-shared/sync/workspace-doc';
import { waitFor } from '../sync-server/harness';
import { FORWARD_TO, TwilioRig } from './twilio-harness';

const CALLER = '+14155550142';

describe('Twilio voice on sync-server', () => {
  let rig: TwilioRig;

  beforeEach(async () => {
    rig = await TwilioRig.start();
  });

  afterEach(async () => {
    await rig.stop();
  });

  it('forwards to the business phone and records an answered call with its length', async () => {
    const owner = await rig.workspace('acme');
    const call = rig.emulator.callParams({ from: CALLER });
    const ringing = await rig.emulator.post('/twilio/voice?ws=acme', call);
    expect(ringing.status).toBe(200);
    expect(ringing.body).toContain(`<Number>${FORWARD_TO}</Number>`);
    expect(ringing.body).toContain('action="https://sync.example.test/twilio/voice?ws=acme&amp;step=dial"');

    const dial = await rig.emulator.post('/twilio/voice?ws=acme&step=dial', { ...call, CallStatus: 'completed', DialCallStatus: 'completed', DialCallDuration: '125' });
    expect(dial.body).toContain('<Hangup/>');
    const month = await rig.open(rig.monthRoom('acme'), owner);
    const workspace = await rig.open('ws/acme', owner);
    const id = `call:${call.CallSid}`;
    await waitFor(() => entriesOf(month).get(id)?.call?.outcome === 'answered', 'answered');
    expect(entriesOf(month).get(id)).toMatchObject({
      kind: 'call',
      direction: 'inbound',
      body: 'Incoming call, 2 min 5 s',
      call: { durationSec: 125, from: '+1 415 555 0142', to: call.To },
    });
    expect(identitiesOf(workspace).get(`phone:${CALLER}`)).toBe(entriesOf(month).get(id)?.contactId);
  });

  it('takes a voicemail when nobody answers, with recording and transcription in any order', async () => {
    const owner = await rig.workspace('acme');
    const call = rig.emulator.callParams({ from: CALLER });
    await rig.emulator.post('/twilio/voice?ws=acme', call);
    const dial = await rig.emulator.post('/twilio/voice?ws=acme&step=dial', { ...call, CallStatus: 'in-progress', DialCallStatus: 'no-answer' });
    expect(dial.body).toContain('<Record');
    expect(dial.body).toContain('transcribeCallback="https://sync.example.test/twilio/voice?ws=acme&amp;step=transcription"');
    const recording = { RecordingSid: 'RE0123456789abcdef0123456789abcdef', RecordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC/Recordings/RE0123', RecordingDuration: '42' };
    const mp3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 1, 2, 3]);
    rig.emulator.serveMedia(`${recording.RecordingUrl}.mp3`, mp3, 'audio/mpeg');
    // The transcription may be reported before the recording's own callback.
    await rig.emulator.post('/twilio/voice?ws=acme&step=transcription', { ...call, ...recording, TranscriptionSid: 'TR01', TranscriptionStatus: 'completed', TranscriptionText: 'Hi, the boiler is leaking again.' });
    await rig.emulator.post('/twilio/voice?ws=acme&step=recording', { ...call, ...recording, RecordingStatus: 'completed' });
    const recorded = await rig.emulator.post('/twilio/voice?ws=acme&step=recorded', { ...call, ...recording });
    expect(recorded.body).toContain('<Hangup/>');

    const month = await rig.open(rig.monthRoom('acme'), owner);
    const id = `call:${call.CallSid}`;
    await waitFor(() => entriesOf(month).get(id)?.call?.outcome === 'voicemail', 'voicemail');
    expect(entriesOf(month).get(id)?.call).toMatchObject({
      outcome: 'voicemail',
      durationSec: 42,
      recordingUrl: recording.RecordingUrl,
      transcription: 'Hi, the boiler is leaking again.',
    });
    expect(entriesOf(month).get(id)?.body).toBe('Voicemail, 42 s: Hi, the boiler is leaking again.');
    // The recording itself is in the blob store, for PCs that cannot use the account's credentials.
    await waitFor(() => (entriesOf(month).get(id)?.attachments.length ?? 0) === 1, 'the recording attached');
    const [attached] = entriesOf(month).get(id)?.attachments ?? [];
    expect(attached).toMatchObject({ filename: `${recording.RecordingSid}.mp3`, contentType: 'audio/mpeg', size: mp3.byteLength });
    const blob = await fetch(`${rig.server.url}/blobs/${attached?.sha256}`, { headers: { Authorization: `Bearer ${owner.token}` } });
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(mp3);
  });

  it('goes straight to voicemail when no business phone is set, and records a missed call as missed', async () => {
    const owner = await rig.workspace('acme', { forwardTo: null });
    const call = rig.emulator.callParams({ from: CALLER });
    const answer = await rig.emulator.post('/twilio/voice?ws=acme', call);
    expect(answer.body).not.toContain('<Dial');
    expect(answer.body).toContain('<Record');
    await rig.emulator.post('/twilio/voice?ws=acme', { ...call, CallStatus: 'completed', CallDuration: '6' });
    const month = await rig.open(rig.monthRoom('acme'), owner);
    await waitFor(() => entriesOf(month).get(`call:${call.CallSid}`)?.call?.durationSec === 6, 'the final status');
    expect(entriesOf(month).get(`call:${call.CallSid}`)).toMatchObject({ body: 'Missed call', call: { outcome: 'missed' } });
  });

  it('keeps repeat calls of an unknown number in one thread and gives every withheld call its own', async () => {
    const owner = await rig.workspace('acme');
    const calls = [
      rig.emulator.callParams({ from: CALLER }),
      rig.emulator.callParams({ from: CALLER }),
      rig.emulator.callParams({ from: 'Anonymous' }),
      rig.emulator.callParams({ from: '+266696687' }),
    ];
    for (const call of calls) await rig.emulator.post('/twilio/voice?ws=acme', call);
    const month = await rig.open(rig.monthRoom('acme'), owner);
    const workspace = await rig.open('ws/acme', owner);
    await waitFor(() => calls.every((call) => entriesOf(month).has(`call:${call.CallSid}`)), 'all four calls');
    const conversations = calls.map((call) => entriesOf(month).get(`call:${call.CallSid}`)?.conversationId);
    expect(conversations.every(Boolean)).toBe(true);
    expect(conversations[0]).toBe(conversations[1]);
    expect(new Set(conversations).size).toBe(3);
    const withheld = calls.slice(2).map((call) => contactOf(workspace, entriesOf(month).get(`call:${call.CallSid}`)?.contactId ?? ''));
    expect(withheld.map((c) => c?.displayName)).toEqual(['Withheld number', 'Withheld number']);
    expect([...identitiesOf(workspace).keys()]).toEqual([`phone:${CALLER}`]);
  });

  it('records a busy forward as busy, and a duplicate callback once', async () => {
    const owner = await rig.workspace('acme');
    const call = rig.emulator.callParams({ from: CALLER });
    await rig.emulator.post('/twilio/voice?ws=acme', call);
    const busy = { ...call, DialCallStatus: 'busy' };
    await Promise.all([1, 2, 3].map(() => rig.emulator.post('/twilio/voice?ws=acme&step=dial', busy)));
    const month = await rig.open(rig.monthRoom('acme'), owner);
    await waitFor(() => entriesOf(month).get(`call:${call.CallSid}`)?.call?.outcome === 'busy', 'busy');
    expect(rig.rows('SELECT dedupe_key FROM twilio_events WHERE sid = ?', call.CallSid)).toHaveLength(2);
  });
});
