import { randomUUID } from 'node:crypto';
import twilio from 'twilio';

export type WebhookParams = Record<string, string>;

export interface SignedPostOptions {
  /** The URL Twilio was configured with (the server's public URL); the signature is computed over it. */
  signedUrl: string;
  /** Where the request really goes (the server on loopback, behind the "proxy"). */
  deliverTo: string;
  /** The auth token to sign with; null sends no signature at all. */
  authToken: string | null;
  idempotencyToken?: string;
}

/** POSTs a form-encoded webhook the way Twilio does: signed with the real algorithm, with its headers. */
export async function postSignedWebhook(params: WebhookParams, options: SignedPostOptions): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    'User-Agent': 'TwilioProxy/1.1',
    'I-Twilio-Idempotency-Token': options.idempotencyToken ?? randomUUID(),
  };
  if (options.authToken !== null) headers['X-Twilio-Signature'] = twilio.getExpectedTwilioSignature(options.authToken, options.signedUrl, params);
  const response = await fetch(options.deliverTo, { method: 'POST', headers, body: new URLSearchParams(params).toString() });
  return { status: response.status, body: await response.text() };
}
