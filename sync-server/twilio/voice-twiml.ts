import twilio from 'twilio';
import { param, type FormParams } from './form-params';
import type { VoiceStep } from './call-details';
import type { TwilioAccount } from './twilio-accounts';

const RING_SECONDS = 20;
const MAX_VOICEMAIL_SECONDS = 120;
const GREETING = 'Sorry, nobody can take your call right now. Please leave a message after the tone.';
const ENDED = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

/**
 * What Twilio should do next with a call: ring the business phone, and if nobody answers (or none
 * is set) take a voicemail. Callbacks that only report (the recording, its transcription, a status)
 * get an empty response.
 */
export function voiceTwiml(account: TwilioAccount, publicUrl: string, step: VoiceStep, params: FormParams): string {
  const response = new twilio.twiml.VoiceResponse();
  const url = (next: VoiceStep) => `${publicUrl}/twilio/voice?ws=${encodeURIComponent(account.workspaceId)}&step=${next}`;
  if (step === 'call' && isLiveInboundCall(params)) {
    if (account.forwardTo) {
      response.dial({ action: url('dial'), method: 'POST', timeout: RING_SECONDS, answerOnBridge: true }).number(account.forwardTo);
    } else {
      takeVoicemail(response, url);
    }
  } else if (step === 'dial') {
    const status = param(params, 'DialCallStatus');
    if (status === 'completed' || status === 'answered') response.hangup();
    else takeVoicemail(response, url);
  } else if (step === 'recorded') {
    response.hangup();
  }
  return response.toString();
}

function takeVoicemail(response: twilio.twiml.VoiceResponse, url: (next: VoiceStep) => string): void {
  response.say(GREETING);
  response.record({
    action: url('recorded'),
    method: 'POST',
    maxLength: MAX_VOICEMAIL_SECONDS,
    playBeep: true,
    recordingStatusCallback: url('recording'),
    recordingStatusCallbackMethod: 'POST',
    transcribe: true,
    transcribeCallback: url('transcription'),
  });
}

function isLiveInboundCall(params: FormParams): boolean {
  const direction = param(params, 'Direction') ?? 'inbound';
  return direction === 'inbound' && !ENDED.has(param(params, 'CallStatus') ?? '');
}
