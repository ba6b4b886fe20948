import { describe, expect, it } from 'vitest';
import type { CallDetails } from '../../../src-shared/domain/timeline';
import { callFacts, callSummary, mergeCall, type VoiceStep } from '../../../sync-server/twilio/call-details';

const CALL = { CallSid: 'CA1', Direction: 'inbound', From: '+14155550142', To: '+14155550100' };
const CALLBACKS: [VoiceStep, Record<string, string>][] = [
  ['call', { ...CALL, CallStatus: 'ringing' }],
  ['dial', { ...CALL, CallStatus: 'in-progress', DialCallStatus: 'no-answer' }],
  ['recording', { ...CALL, RecordingUrl: 'https://api.twilio.com/r/RE1', RecordingStatus: 'completed', RecordingDuration: '42' }],
  ['transcription', { ...CALL, TranscriptionText: 'Boiler leaking', TranscriptionStatus: 'completed' }],
  ['call', { ...CALL, CallStatus: 'completed', CallDuration: '61' }],
];

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((first, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [first, ...rest]));
}

describe('a call entry built from callbacks', () => {
  it('ends the same whatever order the callbacks of one voicemail arrive in', () => {
    const results = permutations(CALLBACKS).map((order) =>
      order.reduce<CallDetails | null>((call, [step, params]) => mergeCall(call, callFacts(step, params)), null),
    );
    expect(results).toHaveLength(120);
    for (const result of results) {
      expect(result).toEqual({ durationSec: 61, outcome: 'voicemail', recordingUrl: 'https://api.twilio.com/r/RE1', transcription: 'Boiler leaking', from: null, to: null });
    }
    expect(callSummary(results[0]!, 'inbound')).toBe('Voicemail, 1 min 1 s: Boiler leaking');
  });

  it('counts a forwarded call as answered only when the forward was, since the caller\'s leg always completes', () => {
    const completed = callFacts('call', { ...CALL, CallStatus: 'completed', CallDuration: '30' });
    expect(mergeCall(null, completed).outcome).toBe('missed');
    expect(mergeCall(mergeCall(null, completed), callFacts('dial', { ...CALL, DialCallStatus: 'completed', DialCallDuration: '25' })).outcome).toBe('answered');
    expect(mergeCall(null, callFacts('call', { ...CALL, Direction: 'outbound-api', CallStatus: 'completed' })).outcome).toBe('answered');
    expect(mergeCall(null, callFacts('dial', { ...CALL, DialCallStatus: 'busy' })).outcome).toBe('busy');
  });
});
