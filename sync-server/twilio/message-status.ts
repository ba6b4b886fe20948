import type { DeliveryStatus } from '../../src-shared/domain/timeline';

/** Twilio's message statuses in our vocabulary; null for the ones that say nothing about delivery. */
const STATUSES: Record<string, DeliveryStatus> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'sending',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'failed',
  failed: 'failed',
  canceled: 'failed',
};

export function deliveryStatusOf(twilioStatus: string | null): DeliveryStatus | null {
  return twilioStatus === null ? null : (STATUSES[twilioStatus.toLowerCase()] ?? null);
}

/** The error codes a front desk meets most, in words; others keep Twilio's code for looking up. */
const ERRORS: Record<string, string> = {
  '21211': 'not a valid phone number',
  '21408': 'sending to this region is not enabled for the account',
  '21610': 'the customer replied STOP; they must text START before you can message them',
  '21614': 'not a mobile number',
  '30003': 'the phone is unreachable (off or out of service)',
  '30004': 'the message was blocked',
  '30005': 'unknown number, or it no longer exists',
  '30006': 'a landline or a carrier that cannot receive texts',
  '30007': 'filtered by the carrier as spam',
  '30008': 'unknown error from the carrier',
};

export function describeTwilioError(code: string | null, status: string | null): string | null {
  if (code === null || code === '') return status === 'undelivered' || status === 'failed' ? `Twilio reported ${status}` : null;
  return `${code}: ${ERRORS[code] ?? 'see twilio.com/docs/api/errors/' + code}`;
}
