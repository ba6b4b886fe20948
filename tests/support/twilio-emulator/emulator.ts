import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TwilioApiAccess } from '../../../sync-server/twilio/twilio-api';
import { EmulatorRequestClient, emulatorFetch, TWILIO_API_ORIGIN } from './request-client';
import { postSignedWebhook, type WebhookParams } from './signed-post';

export interface EmulatorAccount {
  accountSid: string;
  authToken: string;
  /** The Twilio number messages come to and go from. */
  number: string;
}

/** What happens to a message after Twilio accepts it: the statuses called back, in order. */
export type Fate = { statuses: string[]; errorCode?: string };
export const DELIVERED: Fate = { statuses: ['queued', 'sent', 'delivered'] };
export const FILTERED_30007: Fate = { statuses: ['queued', 'sent', 'undelivered'], errorCode: '30007' };
export const FAILED_30007: Fate = { statuses: ['queued', 'failed'], errorCode: '30007' };

export interface SentMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | null;
  /** Every callback posted for it, with the server's answer. */
  callbacks: { status: string; answer: number }[];
}

/** The server's public URL (what the number is configured with) and its real address on loopback. */
export interface ServerAddress {
  publicUrl: string;
  url: string;
}

export interface EmulatorOptions {
  account: EmulatorAccount;
  /** The fate of each message by its To number; DELIVERED when not listed. */
  fates?: Record<string, Fate>;
}

/**
 * A loopback stand-in for Twilio: the Messages REST endpoint answering as Twilio does (form-encoded
 * request, JSON answer, HTTP Basic auth), signed status callbacks to the StatusCallback URL, media
 * downloads, and injected inbound SMS, MMS and calls posted to the server's webhooks.
 */
export class TwilioEmulator {
  readonly sent: SentMessage[] = [];
  /** Set to make the Messages endpoint answer this status and Twilio error code instead of sending. */
  refuseNext: { status: number; code: number; message: string } | null = null;
  /** Sids to use for the next messages, in order (tests that replay recorded callbacks need theirs). */
  readonly nextSids: string[] = [];
  private readonly media = new Map<string, { bytes: Uint8Array; contentType: string }>();
  private readonly pendingCallbacks: Promise<void>[] = [];
  /** Set once the server runs (it needs the emulator's address first); see `attach`. */
  private server: ServerAddress | null = null;

  private constructor(
    private readonly http: Server,
    readonly origin: string,
    private readonly options: EmulatorOptions,
  ) {}

  static async start(options: EmulatorOptions): Promise<TwilioEmulator> {
    let emulator: TwilioEmulator | null = null;
    const http = createServer((req, res) => void emulator?.handle(req, res));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    emulator = new TwilioEmulator(http, `http://127.0.0.1:${port}`, options);
    return emulator;
  }

  /** What sync-server is given so the real twilio client talks to this emulator. */
  get api(): TwilioApiAccess {
    return { httpClient: new EmulatorRequestClient(this.origin), fetch: emulatorFetch(this.origin) };
  }

  /** Messages to this number are accepted but no status is ever called back (tests post recorded ones). */
  silence(to: string): void {
    this.options.fates = { ...this.options.fates, [to]: { statuses: [] } };
  }

  attach(server: ServerAddress): void {
    this.server = server;
  }

  /** Serves bytes at a Twilio media URL (as found in MediaUrl<n>), to the account's credentials only. */
  serveMedia(url: string, bytes: Uint8Array, contentType: string): void {
    this.media.set(new URL(url).pathname, { bytes, contentType });
  }

  /** Stops serving a media URL: Twilio answers 404, as when media was deleted or is not ready. */
  forgetMedia(url: string): void {
    this.media.delete(new URL(url).pathname);
  }

  /** Waits for every status callback posted so far to be answered. */
  async settled(): Promise<void> {
    while (this.pendingCallbacks.length > 0) await Promise.all(this.pendingCallbacks.splice(0));
  }

  /** Posts a webhook to the server as Twilio would, signed for the public URL of `path` (with its query). */
  post(path: string, params: WebhookParams, options: { authToken?: string | null; idempotencyToken?: string } = {}) {
    const { publicUrl, url } = this.target();
    return postSignedWebhook(params, {
      signedUrl: `${publicUrl}${path}`,
      deliverTo: `${url}${path}`,
      authToken: options.authToken === undefined ? this.options.account.authToken : options.authToken,
      ...(options.idempotencyToken ? { idempotencyToken: options.idempotencyToken } : {}),
    });
  }

  /** An inbound text; with `media`, an MMS whose files this emulator serves. */
  inboundMessage(workspaceId: string, input: { from: string; body: string; media?: { bytes: Uint8Array; contentType: string }[] }) {
    const { accountSid, number } = this.options.account;
    const sid = `${input.media?.length ? 'MM' : 'SM'}${hex(16)}`;
    const params: WebhookParams = {
      ToCountry: 'US',
      SmsMessageSid: sid,
      NumMedia: String(input.media?.length ?? 0),
      SmsSid: sid,
      SmsStatus: 'received',
      Body: input.body,
      To: number,
      NumSegments: '1',
      MessageSid: sid,
      AccountSid: accountSid,
      From: input.from,
      ApiVersion: '2010-04-01',
    };
    (input.media ?? []).forEach((file, index) => {
      const url = `${TWILIO_API_ORIGIN}/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media/ME${hex(16)}`;
      this.serveMedia(url, file.bytes, file.contentType);
      params[`MediaUrl${index}`] = url;
      params[`MediaContentType${index}`] = file.contentType;
    });
    return { sid, params, answer: this.post(`/twilio/sms?ws=${encodeURIComponent(workspaceId)}`, params) };
  }

  /** The first webhook of an inbound call, as Twilio posts it when the number rings. */
  callParams(input: { from: string; callSid?: string; status?: string }): WebhookParams {
    const { accountSid, number } = this.options.account;
    return {
      AccountSid: accountSid,
      ApiVersion: '2010-04-01',
      CallSid: input.callSid ?? `CA${hex(16)}`,
      CallStatus: input.status ?? 'ringing',
      Called: number,
      Caller: input.from,
      Direction: 'inbound',
      From: input.from,
      To: number,
    };
  }

  async close(): Promise<void> {
    await this.settled();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private target(): ServerAddress {
    if (!this.server) throw new Error('The emulator is not attached to a server yet.');
    return this.server;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const { accountSid, authToken } = this.options.account;
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      return json(res, 401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
    }
    if (req.method === 'POST' && url.pathname === `/2010-04-01/Accounts/${accountSid}/Messages.json`) {
      return this.createMessage(new URLSearchParams(await readBody(req)), res);
    }
    const media = req.method === 'GET' ? this.media.get(url.pathname) : undefined;
    if (media) {
      res.writeHead(200, { 'Content-Type': media.contentType, 'Content-Length': String(media.bytes.byteLength) }).end(media.bytes);
      return;
    }
    json(res, 404, { code: 20404, message: `The requested resource ${url.pathname} was not found`, more_info: 'https://www.twilio.com/docs/errors/20404', status: 404 });
  }

  private createMessage(form: URLSearchParams, res: ServerResponse): void {
    const to = form.get('To') ?? '';
    if (this.refuseNext) {
      const { status, code, message } = this.refuseNext;
      this.refuseNext = null;
      return json(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
    }
    if (!/^\+[1-9]\d{6,14}$/.test(to)) {
      return json(res, 400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 });
    }
    const { accountSid } = this.options.account;
    const sid = this.nextSids.shift() ?? `SM${hex(16)}`;
    const message: SentMessage = { sid, to, from: form.get('From') ?? '', body: form.get('Body') ?? '', statusCallback: form.get('StatusCallback'), callbacks: [] };
    this.sent.push(message);
    const now = new Date().toUTCString().replace('GMT', '+0000');
    json(res, 201, {
      account_sid: accountSid,
      api_version: '2010-04-01',
      body: message.body,
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: message.from,
      messaging_service_sid: null,
      num_media: '0',
      num_segments: '1',
      price: null,
      price_unit: 'USD',
      sid,
      status: 'queued',
      subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
      to,
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
    });
    this.pendingCallbacks.push(this.callBack(message, this.options.fates?.[to] ?? DELIVERED));
  }

  /** Posts each status in turn to the message's StatusCallback, signed for exactly that URL. */
  private async callBack(message: SentMessage, fate: Fate): Promise<void> {
    const target = message.statusCallback;
    if (!target) return;
    const { publicUrl, url } = this.target();
    for (const status of fate.statuses) {
      const params: WebhookParams = {
        AccountSid: this.options.account.accountSid,
        ApiVersion: '2010-04-01',
        From: message.from,
        MessageSid: message.sid,
        MessageStatus: status,
        SmsSid: message.sid,
        SmsStatus: status,
        To: message.to,
      };
      if ((status === 'failed' || status === 'undelivered') && fate.errorCode) params.ErrorCode = fate.errorCode;
      const answer = await postSignedWebhook(params, {
        signedUrl: target,
        deliverTo: target.startsWith(publicUrl) ? url + target.slice(publicUrl.length) : target,
        authToken: this.options.account.authToken,
      });
      message.callbacks.push({ status, answer: answer.status });
    }
  }
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
