import { EventEmitter } from 'node:events';
import type { AnyMessageContent, MiscMessageGenerationOptions, WAMessage } from '@whiskeysockets/baileys';
import type { MakeWaSocket, WaEventMap, WaEventName, WaSocket, WaSocketOptions } from '../../src-main/channels/whatsapp/socket/wa-socket';

export interface SentMessage {
  jid: string;
  content: AnyMessageContent;
  options: MiscMessageGenerationOptions | undefined;
}

/**
 * Stands in for Baileys' socket: an event emitter with Baileys' event shapes, and a `sendMessage`
 * that records what it was asked to send and answers as Baileys does (the message with its key).
 * `failSends` makes the next sends throw, as a dropped connection would.
 */
export class FakeWaSocket implements WaSocket {
  private readonly emitter = new EventEmitter();
  readonly sent: SentMessage[] = [];
  user: WaSocket['user'] = undefined;
  loggedOut = false;
  ended = false;
  failSends = 0;

  constructor(readonly options: WaSocketOptions) {}

  readonly ev: WaSocket['ev'] = {
    on: (event, listener) => void this.emitter.on(event, listener as (payload: unknown) => void),
    off: (event, listener) => void this.emitter.off(event, listener as (payload: unknown) => void),
  };

  emit<E extends WaEventName>(event: E, payload: WaEventMap[E]): void {
    this.emitter.emit(event, payload);
  }

  open(phoneJid = '15550100099:7@s.whatsapp.net', name = 'Cool Air HVAC'): void {
    this.user = { id: phoneJid, name };
    this.emit('connection.update', { connection: 'open' });
  }

  /** Closes as Baileys does: `lastDisconnect.error` is a Boom carrying the status code. */
  close(statusCode: number | null, message = 'Connection Failure'): void {
    const error = Object.assign(new Error(message), statusCode === null ? {} : { output: { statusCode } });
    this.emit('connection.update', { connection: 'close', lastDisconnect: { error, date: new Date() } });
  }

  async sendMessage(jid: string, content: AnyMessageContent, options?: MiscMessageGenerationOptions): Promise<WAMessage | undefined> {
    if (this.failSends > 0) {
      this.failSends -= 1;
      throw Object.assign(new Error('Connection Closed'), { output: { statusCode: 428 } });
    }
    this.sent.push({ jid, content, options });
    const id = options?.messageId ?? `3EB0${String(this.sent.length).padStart(16, '0')}`;
    return { key: { remoteJid: jid, fromMe: true, id }, message: {}, messageTimestamp: Math.floor(Date.now() / 1000), status: 1 };
  }

  readonly reuploads: WAMessage[] = [];

  async updateMediaMessage(message: WAMessage): Promise<WAMessage> {
    this.reuploads.push(message);
    return message;
  }

  async logout(): Promise<void> {
    this.loggedOut = true;
  }

  end(): void {
    this.ended = true;
  }
}

/** A `makeWaSocket` that hands out fake sockets and keeps them, newest last. */
export function fakeSocketMaker(): MakeWaSocket & { sockets: FakeWaSocket[]; latest(): FakeWaSocket } {
  const sockets: FakeWaSocket[] = [];
  const make: MakeWaSocket = (options) => {
    const socket = new FakeWaSocket(options);
    sockets.push(socket);
    return socket;
  };
  const latest = () => {
    const last = sockets.at(-1);
    if (!last) throw new Error('No socket was made yet');
    return last;
  };
  return Object.assign(make, { sockets, latest });
}
