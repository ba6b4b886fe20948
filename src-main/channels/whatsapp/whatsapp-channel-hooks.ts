import type { WhatsAppChannelHooks } from '../../core/whatsapp/whatsapp-channel-deps';
import type { MakeWaSocket } from './socket/wa-socket';
import { createWhatsAppChannel } from './whatsapp-channel';

/**
 * What a shell hands the core so it can run WhatsApp: the channel over `makeSocket`, which is
 * Baileys' real socket in the shells and a fake one in tests.
 */
export function whatsappChannelHooks(makeSocket: MakeWaSocket): WhatsAppChannelHooks {
  return { create: (deps) => createWhatsAppChannel(makeSocket, deps) };
}
