import type { proto, WAMessageKey } from '@whiskeysockets/baileys';
import type { ChannelHealth } from '../../../src-shared/domain/channel-health';
import type { WhatsAppLink } from '../../../src-shared/domain/whatsapp-link';
import type { WhatsAppChannelDeps, WhatsAppRunningChannel } from '../../core/whatsapp/whatsapp-channel-deps';
import { reconnectDelayMs } from './backoff';
import { closeOutcome } from './disconnect-reason';
import { createMediaFetcher } from './media-download';
import { followMessageEvents } from './message-events';
import { candidateIds } from './normalize/address';
import { phoneOfJid, normalizeJid } from './normalize/jid';
import { qrImage } from './qr-image';
import { createSendLoop } from './send/send-loop';
import { createWhatsAppExecutor } from './send/whatsapp-executor';
import type { BaileysCodec } from './socket/baileys-runtime';
import { useSqliteAuthState } from './socket/sqlite-auth-state';
import type { MakeWaSocket, WaEventMap, WaSocket } from './socket/wa-socket';

export interface WhatsAppChannelOptions {
  now?: () => number;
  /** The first reconnect delay; tests shorten it. */
  backoffBaseMs?: number;
}

/**
 * The linked-device channel: one Baileys socket at a time, opened again after every close that is
 * not the end of the session. The link state it reports is what Settings shows; a logged-out or
 * replaced session stops here and says so, never silently.
 */
export function createWhatsAppChannel(makeSocket: MakeWaSocket, codec: BaileysCodec, deps: WhatsAppChannelDeps, options: WhatsAppChannelOptions = {}) {
  const now = options.now ?? Date.now;
  const { BufferJSON, proto } = codec;
  const media = createMediaFetcher(codec, deps);
  const sending = createSendLoop(createWhatsAppExecutor(deps), (error) => console.error('[switchboard] sending on WhatsApp failed:', error));
  let socket: WaSocket | null = null;
  let detach: () => void = () => {};
  let running = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | null = null;
  let link: WhatsAppLink = { state: 'connecting', qr: null };
  let lastError: ChannelHealth['lastError'] = null;
  /** Which QR code is the newest, so a slower drawing of an older one never replaces it. */
  let qrCount = 0;

  const setLink = (next: WhatsAppLink) => {
    link = next;
    if (next.state === 'disconnected' || next.state === 'logged_out') lastError = { message: next.reason, at: now() };
    deps.onLink(next);
  };

  async function getMessage(key: WAMessageKey): Promise<proto.IMessage | undefined> {
    const json = deps.rawMessage(candidateIds(key));
    if (json === null) return undefined;
    const stored = JSON.parse(json, BufferJSON.reviver) as { message?: proto.IMessage | null };
    return stored.message ? proto.Message.fromObject(stored.message) : undefined;
  }

  function connect(): void {
    timer = null;
    if (!running) return;
    const { state, saveCreds } = useSqliteAuthState(deps.authStore, codec);
    const current = makeSocket({ auth: state, getMessage });
    socket = current;
    const stopMessages = followMessageEvents(current, deps, codec, (items, messages) => media.fetch(current, items, messages), now);
    const onCreds = () => saveCreds();
    const onConnection = (update: WaEventMap['connection.update']) => {
      if (current === socket) onConnectionUpdate(current, update);
    };
    current.ev.on('creds.update', onCreds);
    current.ev.on('connection.update', onConnection);
    detach = () => {
      stopMessages();
      current.ev.off('creds.update', onCreds);
      current.ev.off('connection.update', onConnection);
    };
  }

  function onConnectionUpdate(current: WaSocket, update: WaEventMap['connection.update']): void {
    if (update.qr) {
      const drawing = ++qrCount;
      // The code on screen stays until the new one is drawn, so a rotation never blanks it.
      void qrImage(update.qr).then((qr) => {
        if (current === socket && drawing === qrCount && link.state === 'connecting') setLink({ state: 'connecting', qr });
      });
    }
    if (update.connection === 'open') {
      attempt = 0;
      const me = normalizeJid(current.user?.id);
      setLink({ state: 'connected', phone: me ? phoneOfJid(me) : null, name: current.user?.name ?? null });
      sending.open(current);
    }
    if (update.connection === 'close') onClose(update.lastDisconnect?.error);
  }

  function onClose(error: unknown): void {
    dropSocket();
    if (!running) return;
    const outcome = closeOutcome(error);
    if (outcome.kind === 'logged_out') {
      running = false;
      if (outcome.forgetSession) deps.authStore.clear();
      setLink({ state: 'logged_out', reason: outcome.reason });
      return;
    }
    const delay = outcome.kind === 'restart' ? 0 : reconnectDelayMs(attempt++, options.backoffBaseMs);
    if (outcome.kind === 'retry') setLink({ state: 'disconnected', retryAt: now() + delay, reason: outcome.reason });
    timer = setTimeout(connect, delay);
  }

  function dropSocket(): WaSocket | null {
    const dropped = socket;
    sending.closed();
    detach();
    detach = () => {};
    socket = null;
    return dropped;
  }

  function halt(): WaSocket | null {
    running = false;
    if (timer) clearTimeout(timer);
    timer = null;
    return dropSocket();
  }

  const channel: WhatsAppRunningChannel & { socket(): WaSocket | null } = {
    async start() {
      running = true;
      attempt = 0;
      setLink({ state: 'connecting', qr: null });
      connect();
    },
    async stop() {
      halt()?.end(undefined);
    },
    async logout() {
      const current = halt();
      try {
        await current?.logout('Unlinked in Switchboard');
      } catch (error) {
        // Offline or mid-reconnect: the phone still lists this PC until removed there, so say so.
        console.error('[switchboard] WhatsApp could not be told about the unlink; remove the device on the phone too:', error);
      } finally {
        current?.end(undefined);
        deps.authStore.clear();
        setLink({ state: 'not_linked', reason: null });
      }
    },
    wake: () => sending.wake(),
    link: () => link,
    health: () => ({ state: healthState(link), lastError, lastSyncedAt: null }),
    socket: () => (link.state === 'connected' ? socket : null),
  };
  return channel;
}

export type WhatsAppChannel = ReturnType<typeof createWhatsAppChannel>;

function healthState(link: WhatsAppLink): ChannelHealth['state'] {
  if (link.state === 'connected') return 'live';
  if (link.state === 'connecting') return 'connecting';
  if (link.state === 'disconnected') return 'reconnecting';
  return 'stopped';
}
