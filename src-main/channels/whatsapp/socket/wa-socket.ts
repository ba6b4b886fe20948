import type { AnyMessageContent, AuthenticationState, BaileysEventMap, MiscMessageGenerationOptions, proto, WAMessage, WAMessageKey } from '@whiskeysockets/baileys';

/** The events the channel listens to, with Baileys' own payload types. */
export type WaEventName =
  | 'connection.update'
  | 'creds.update'
  | 'messages.upsert'
  | 'messaging-history.set'
  | 'messages.update'
  | 'messages.reaction'
  | 'message-receipt.update';
export type WaEventMap = Pick<BaileysEventMap, WaEventName>;

/**
 * The part of Baileys' `makeWASocket` result the channel uses. The real socket satisfies it (see
 * baileys-socket.ts); tests drive the channel with an event emitter of the same shape.
 */
export interface WaSocket {
  ev: {
    on<E extends WaEventName>(event: E, listener: (payload: WaEventMap[E]) => void): void;
    off<E extends WaEventName>(event: E, listener: (payload: WaEventMap[E]) => void): void;
  };
  user?: { id: string; name?: string | undefined } | undefined;
  sendMessage(jid: string, content: AnyMessageContent, options?: MiscMessageGenerationOptions): Promise<WAMessage | undefined>;
  logout(message?: string): Promise<void>;
  /** Asks the sender's phone to upload expired media again (media URLs expire after a while). */
  updateMediaMessage(message: WAMessage): Promise<WAMessage>;
  end(error: Error | undefined): void;
}

export interface WaSocketOptions {
  auth: AuthenticationState;
  /** Baileys asks for a message it sent to retry or re-encrypt it for a device that could not decrypt. */
  getMessage(key: WAMessageKey): Promise<proto.IMessage | undefined>;
}

/** Opens one connection; the channel calls it again for every reconnect. */
export type MakeWaSocket = (options: WaSocketOptions) => WaSocket;
