import { z } from 'zod';

const whatsappQr = z.object({
  /** The code as WhatsApp sent it; it rotates about every 20 seconds until scanned. */
  value: z.string(),
  /** The same code drawn as an SVG data URL, ready for an <img>. */
  image: z.string(),
});

/**
 * Where the shop's WhatsApp link stands, as Settings → WhatsApp and the re-link banner show it.
 * `logged_out` is the state a person must act on: WhatsApp ended the session (401) or another
 * session replaced it (440), and nothing reconnects on its own.
 */
export const whatsappLink = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not_linked'), reason: z.string().nullable() }),
  z.object({ state: z.literal('connecting'), qr: whatsappQr.nullable() }),
  z.object({ state: z.literal('connected'), phone: z.string().nullable(), name: z.string().nullable() }),
  z.object({ state: z.literal('disconnected'), retryAt: z.number(), reason: z.string() }),
  z.object({ state: z.literal('logged_out'), reason: z.string() }),
]);

export type WhatsAppLink = z.output<typeof whatsappLink>;
export type WhatsAppQr = z.output<typeof whatsappQr>;
