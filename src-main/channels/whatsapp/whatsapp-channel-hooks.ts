import type { WhatsAppChannelDeps, WhatsAppChannelHooks, WhatsAppRunningChannel } from '../../core/whatsapp/whatsapp-channel-deps';
import { loadBaileys, type BaileysCodec } from './socket/baileys-runtime';
import { baileysSocketMaker } from './socket/baileys-socket';
import type { MakeWaSocket } from './socket/wa-socket';
import { createWhatsAppChannel } from './whatsapp-channel';

/** The channel over `makeSocket`: a fake socket in tests, Baileys' own in `baileysChannelHooks`. */
export function whatsappChannelHooks(makeSocket: MakeWaSocket, codec: BaileysCodec): WhatsAppChannelHooks {
  return { create: (deps) => createWhatsAppChannel(makeSocket, codec, deps) };
}

/**
 * What the host and desktop shells hand the core: the channel over Baileys' real socket, with Baileys
 * loaded when the channel first starts rather than when the shell starts.
 */
export const baileysChannelHooks: WhatsAppChannelHooks = {
  create(deps: WhatsAppChannelDeps): WhatsAppRunningChannel {
    let inner: WhatsAppRunningChannel | null = null;
    let stopped = false;
    return {
      async start() {
        const baileys = await loadBaileys();
        if (stopped) return;
        inner = createWhatsAppChannel(baileysSocketMaker(baileys), baileys, deps);
        await inner.start();
      },
      async stop() {
        stopped = true;
        await inner?.stop();
      },
      async logout() {
        stopped = true;
        if (inner) return inner.logout();
        deps.authStore.clear();
        deps.onLink({ state: 'not_linked', reason: null });
      },
      link: () => inner?.link() ?? { state: 'connecting', qr: null },
      health: () => inner?.health() ?? { state: 'connecting', lastError: null, lastSyncedAt: null },
      wake: () => inner?.wake?.(),
    };
  },
};
