import twilio from 'twilio';
import type { TwilioAccount } from './twilio-accounts';

/**
 * How the server reaches Twilio. Production leaves both unset; tests hand in a RequestClient and a
 * fetch that point at the loopback emulator, so the real twilio client and wire format are exercised.
 */
export interface TwilioApiAccess {
  httpClient?: twilio.RequestClient;
  /** Used for media URLs (MMS), which the REST client cannot fetch as bytes. */
  fetch?: typeof fetch;
}

export function restClient(account: TwilioAccount, access: TwilioApiAccess): twilio.Twilio {
  return twilio(account.accountSid, account.authToken, access.httpClient ? { httpClient: access.httpClient } : {});
}

/** HTTP Basic with the account's credentials, as Twilio requires for media when HTTP auth is on. */
export function basicAuth(account: TwilioAccount): string {
  return `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`;
}
