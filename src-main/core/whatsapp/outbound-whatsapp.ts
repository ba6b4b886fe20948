import { z } from 'zod';

/**
 * Everything the executor needs to send a WhatsApp item, fixed when the item is written. `keyId` is
 * the WhatsApp message id, chosen before sending like an email's Message-ID: the entry's stable id
 * derives from it, so our own message echoed back by the phone is the same entry, and receipts find it.
 */
export const outboundWhatsApp = z.object({
  jid: z.string().min(1),
  keyId: z.string().min(1),
  text: z.string(),
  attachments: z.array(
    z.object({ filename: z.string(), contentType: z.string(), size: z.number(), sha256: z.string().nullable() }),
  ),
});

export type OutboundWhatsApp = z.output<typeof outboundWhatsApp>;
