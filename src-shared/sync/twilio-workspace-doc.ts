import type * as Y from 'yjs';

/**
 * What the workspace document (`ws/<workspace>`) holds about SMS: the Twilio number and price the
 * composer shows (never the credentials, which stay on sync-server), and each number's consent, so
 * every PC can refuse a message to a customer who texted STOP before it reaches the outbox.
 */
export const SMS_SETTINGS_MAP = 'smsSettings';
export const SMS_CONSENT_MAP = 'smsConsent';
const SETTINGS_KEY = 'twilio';

export interface SmsSettingsRecord {
  /** The workspace's Twilio number, E.164. */
  number: string;
  /** Price of one segment in the account's currency, or null when the operator did not set one. */
  pricePerSegment: number | null;
  /** Calls are forwarded here (E.164); null sends every call to voicemail. */
  forwardTo: string | null;
}

export interface ConsentRecord {
  /** E.164 of the customer. */
  number: string;
  optedOut: boolean;
  /** The keyword that last changed `optedOut`, and when the message carrying it arrived. */
  keyword: string | null;
  changedAt: number;
  /** The last time the customer texted HELP. */
  helpRequestedAt: number | null;
}

export function smsSettingsOf(doc: Y.Doc): SmsSettingsRecord | null {
  return doc.getMap<SmsSettingsRecord>(SMS_SETTINGS_MAP).get(SETTINGS_KEY) ?? null;
}

/** Writes the settings only when they differ, so republishing on every start adds nothing to the log. */
export function publishSmsSettings(doc: Y.Doc, settings: SmsSettingsRecord): boolean {
  const current = smsSettingsOf(doc);
  if (current && current.number === settings.number && current.pricePerSegment === settings.pricePerSegment && current.forwardTo === settings.forwardTo) {
    return false;
  }
  doc.getMap<SmsSettingsRecord>(SMS_SETTINGS_MAP).set(SETTINGS_KEY, { ...settings });
  return true;
}

export function consentOf(doc: Y.Doc, number: string): ConsentRecord | null {
  return doc.getMap<ConsentRecord>(SMS_CONSENT_MAP).get(number) ?? null;
}

export function isOptedOut(doc: Y.Doc, number: string): boolean {
  return consentOf(doc, number)?.optedOut === true;
}

/**
 * Records an opt-out or opt-in carried by a message received at `at`. Messages can be ingested out
 * of order (a retried webhook), so an older keyword never overrides a newer one.
 */
export function recordConsent(doc: Y.Doc, number: string, optedOut: boolean, keyword: string, at: number): boolean {
  const current = consentOf(doc, number);
  if (current && current.keyword !== null && current.changedAt > at) return false;
  doc.getMap<ConsentRecord>(SMS_CONSENT_MAP).set(number, { number, optedOut, keyword, changedAt: at, helpRequestedAt: current?.helpRequestedAt ?? null });
  return true;
}

export function recordHelpRequest(doc: Y.Doc, number: string, at: number): void {
  const current = consentOf(doc, number);
  if (current?.helpRequestedAt != null && current.helpRequestedAt >= at) return;
  doc.getMap<ConsentRecord>(SMS_CONSENT_MAP).set(number, {
    number,
    optedOut: current?.optedOut ?? false,
    keyword: current?.keyword ?? null,
    changedAt: current?.changedAt ?? at,
    helpRequestedAt: at,
  });
}
