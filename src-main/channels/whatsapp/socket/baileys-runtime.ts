/**
 * Baileys' runtime values, loaded only when WhatsApp runs: importing the package costs about half a
 * second and leaves timers behind, which every other `switchboard` command would otherwise pay.
 * Modules of this channel import Baileys' types statically and its values through this object.
 */
export type Baileys = typeof import('@whiskeysockets/baileys');
/** What the channel uses of Baileys besides the socket: its codecs, and the media download. */
export type BaileysCodec = Pick<Baileys, 'BufferJSON' | 'initAuthCreds' | 'proto' | 'downloadMediaMessage'>;

export const loadBaileys = (): Promise<Baileys> => import('@whiskeysockets/baileys');
