import type { ServerDb } from '../store/server-db';
import { voiceStepOf } from './call-details';
import type { EventApplier } from './event-applier';
import { parseForm } from './form-params';
import { isSignedByTwilio, signedUrl } from './signature';
import { getTwilioAccount, missingTokenReason } from './twilio-accounts';
import { voiceTwiml } from './voice-twiml';
import type { EventRecorder, Endpoint } from './webhook-events';
import { eventIdentity } from './webhook-keys';

/** Webhook bodies are a few dozen short fields; this leaves room for long texts and many media URLs. */
const MAX_WEBHOOK_BYTES = 64 * 1024;
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

export interface WebhookContext {
  db: ServerDb;
  applier: EventApplier;
  recorder: EventRecorder;
  /** `--public-url`, which Twilio signed; null when the server was started without one. */
  publicUrl(): string | null;
  now?: () => number;
}

export type WebHandler = (request: Request) => Promise<Response>;

/**
 * One endpoint's webhook as a plain fetch-style function, so it runs the same under node:http or as a
 * serverless function. Order of work: signature (403 and nothing else when it fails), durable store
 * (a duplicate stops here), the answer Twilio waits for, then the documents.
 */
export function twilioWebhook(context: WebhookContext, endpoint: Endpoint): WebHandler {
  return async (request) => {
    if (request.method !== 'POST') return text(405, 'Twilio webhooks are POSTed.');
    const url = new URL(request.url);
    const workspaceId = url.searchParams.get('ws') ?? '';
    const account = getTwilioAccount(context.db, workspaceId);
    if (!account) return text(403, 'No Twilio account is set for this workspace.');
    const unusable = missingTokenReason(account);
    if (unusable) return text(503, unusable);
    const publicUrl = context.publicUrl();
    if (!publicUrl) return text(503, 'The server was started without --public-url, so no signature can be checked.');
    const body = await readBody(request);
    if (body === null) return text(413, `A webhook body is at most ${MAX_WEBHOOK_BYTES} bytes.`);
    const params = parseForm(body);
    if (!isSignedByTwilio(account.authToken, request.headers.get('x-twilio-signature'), signedUrl(publicUrl, url), params)) {
      return text(403, 'The X-Twilio-Signature does not match this request.');
    }
    const query = ownQuery(url);
    const identity = eventIdentity(endpoint, params, query);
    if (!identity) return text(400, endpoint === 'voice' ? 'No CallSid in the request.' : 'No MessageSid in the request.');
    const { event, duplicate } = await context.recorder.record({
      workspaceId,
      endpoint,
      ...identity,
      idempotencyToken: request.headers.get('i-twilio-idempotency-token'),
      query,
      params,
      receivedAt: (context.now ?? Date.now)(),
    });
    // Acknowledged once stored: writing into the documents follows at once, and an event a crash
    // interrupts there is applied at the next start, so nothing acknowledged is lost.
    if (!duplicate) void context.applier.apply(event);
    const twiml = endpoint === 'voice' ? voiceTwiml(account, publicUrl, voiceStepOf(query), params) : EMPTY_TWIML;
    return new Response(twiml, { status: 200, headers: { 'Content-Type': 'text/xml; charset=utf-8' } });
  };
}

/** The query parameters our own URLs carry, without the workspace (kept in its own column). */
function ownQuery(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (key !== 'ws') query[key] = value;
  return query;
}

async function readBody(request: Request): Promise<string | null> {
  if (Number(request.headers.get('content-length') ?? '0') > MAX_WEBHOOK_BYTES) return null;
  const bytes = new Uint8Array(await request.arrayBuffer());
  return bytes.byteLength > MAX_WEBHOOK_BYTES ? null : new TextDecoder().decode(bytes);
}

function text(status: number, message: string): Response {
  return new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
