import twilio from 'twilio';
import type { FormParams } from './form-params';

/**
 * Twilio signs the URL it was configured with, which is the public one: behind a proxy the server
 * sees another host, so the check uses `--public-url` with the request's own path and query.
 */
export function signedUrl(publicUrl: string, requestUrl: URL): string {
  return `${publicUrl}${requestUrl.pathname}${requestUrl.search}`;
}

export function isSignedByTwilio(authToken: string, signature: string | null, url: string, params: FormParams): boolean {
  if (!signature) return false;
  return twilio.validateRequest(authToken, signature, url, params);
}
