import { voiceStepOf } from './call-details';
import { param, type FormParams } from './form-params';
import type { Endpoint } from './webhook-events';

/**
 * What makes two deliveries the same event: the message or call, and the status or step it reports.
 * Null when the request names no message or call at all.
 */
export function eventIdentity(endpoint: Endpoint, params: FormParams, query: Record<string, string>): { sid: string; dedupeKey: string } | null {
  if (endpoint === 'voice') {
    const sid = param(params, 'CallSid');
    if (!sid) return null;
    const step = voiceStepOf(query);
    const detail =
      step === 'call'
        ? param(params, 'CallStatus')
        : step === 'recording'
          ? `${param(params, 'RecordingSid') ?? ''}:${param(params, 'RecordingStatus') ?? ''}`
          : step === 'transcription'
            ? (param(params, 'TranscriptionSid') ?? '')
            : '';
    return { sid, dedupeKey: `voice:${sid}:${step}:${detail ?? ''}` };
  }
  const sid = param(params, 'MessageSid') ?? param(params, 'SmsSid') ?? param(params, 'SmsMessageSid');
  if (!sid) return null;
  if (endpoint === 'sms') return { sid, dedupeKey: `sms:${sid}` };
  const status = param(params, 'MessageStatus') ?? param(params, 'SmsStatus') ?? '';
  return { sid, dedupeKey: `status:${sid}:${status}` };
}
