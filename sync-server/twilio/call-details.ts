import type { CallDetails, CallOutcome, Direction } from '../../src-shared/domain/timeline';
import { param, type FormParams } from './form-params';

/** Which of our webhook URLs a voice request came to (the `step` we put in the TwiML we answered). */
export type VoiceStep = 'call' | 'dial' | 'recorded' | 'recording' | 'transcription';

export function voiceStepOf(query: Record<string, string>): VoiceStep {
  const step = query.step;
  return step === 'dial' || step === 'recorded' || step === 'recording' || step === 'transcription' ? step : 'call';
}

/** A call's callbacks arrive in any order; each can only make what we know more final. */
const OUTCOME_RANK: Record<CallOutcome, number> = { missed: 0, failed: 1, busy: 2, answered: 3, voicemail: 4 };

export function callDirection(params: FormParams): Direction {
  return (param(params, 'Direction') ?? 'inbound').startsWith('outbound') ? 'outbound' : 'inbound';
}

/** What this one callback says about the call. */
export function callFacts(step: VoiceStep, params: FormParams): Partial<CallDetails> {
  const seconds = Math.max(
    ...['CallDuration', 'DialCallDuration', 'RecordingDuration'].map((key) => Number(param(params, key) ?? '0')).filter(Number.isFinite),
    0,
  );
  const facts: Partial<CallDetails> = { durationSec: seconds };
  const outcome = outcomeOf(step, params);
  if (outcome) facts.outcome = outcome;
  const recording = param(params, 'RecordingUrl');
  if (recording && (step === 'recorded' || step === 'recording') && param(params, 'RecordingStatus') !== 'failed') facts.recordingUrl = recording;
  const transcription = param(params, 'TranscriptionText');
  if (step === 'transcription' && transcription && param(params, 'TranscriptionStatus') !== 'failed') facts.transcription = transcription;
  return facts;
}

function outcomeOf(step: VoiceStep, params: FormParams): CallOutcome | null {
  if (step === 'recorded' || step === 'recording') {
    const seconds = Number(param(params, 'RecordingDuration') ?? '1');
    return param(params, 'RecordingUrl') && param(params, 'RecordingStatus') !== 'failed' && seconds > 0 ? 'voicemail' : null;
  }
  if (step === 'transcription') return null;
  const status = step === 'dial' ? param(params, 'DialCallStatus') : param(params, 'CallStatus');
  const answered = step === 'dial' || callDirection(params) === 'outbound';
  switch (status) {
    case 'completed':
    case 'in-progress':
    case 'answered':
      // The caller's own leg is "completed" whether or not anyone picked up: only the forwarded leg tells.
      return answered ? 'answered' : 'missed';
    case 'busy':
      return 'busy';
    case 'failed':
      return 'failed';
    default:
      return 'missed';
  }
}

export function mergeCall(current: CallDetails | null, facts: Partial<CallDetails>): CallDetails {
  const base: CallDetails = current ?? { durationSec: 0, outcome: 'missed', recordingUrl: null, transcription: null, from: null, to: null };
  const outcome = facts.outcome && OUTCOME_RANK[facts.outcome] > OUTCOME_RANK[base.outcome] ? facts.outcome : base.outcome;
  return {
    ...base,
    durationSec: Math.max(base.durationSec, facts.durationSec ?? 0),
    outcome,
    recordingUrl: base.recordingUrl ?? facts.recordingUrl ?? null,
    transcription: base.transcription ?? facts.transcription ?? null,
    from: base.from ?? facts.from ?? null,
    to: base.to ?? facts.to ?? null,
  };
}

/** The line the inbox shows for the call. */
export function callSummary(call: CallDetails, direction: Direction): string {
  const length = formatDuration(call.durationSec);
  switch (call.outcome) {
    case 'answered':
      return `${direction === 'inbound' ? 'Incoming' : 'Outgoing'} call${length ? `, ${length}` : ''}`;
    case 'voicemail':
      return `Voicemail${length ? `, ${length}` : ''}${call.transcription ? `: ${call.transcription}` : ''}`;
    case 'busy':
      return direction === 'inbound' ? 'Missed call (line busy)' : 'Call not answered (busy)';
    case 'failed':
      return 'Call failed';
    case 'missed':
      return direction === 'inbound' ? 'Missed call' : 'Call not answered';
  }
}

function formatDuration(seconds: number): string {
  if (seconds <= 0) return '';
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes > 0 ? `${minutes} min ${rest} s` : `${rest} s`;
}
