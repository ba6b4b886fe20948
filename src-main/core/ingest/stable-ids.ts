import { createHash } from 'node:crypto';

/** The stable ids of DESIGN.md: the provider's own id where it gives one, so re-delivery is a no-op. */
export const stableIds = {
  sms: (messageSid: string) => `sms:${messageSid}`,
  call: (callSid: string) => `call:${callSid}`,
  /** Message-IDs can be long and carry any characters, so the id holds a digest of the normalized one. */
  email: (messageId: string) =>
    `email:${createHash('sha256').update(messageId.trim().replace(/^<|>$/g, '').toLowerCase()).digest('hex').slice(0, 32)}`,
  whatsapp: (remoteJid: string, keyId: string) => `wa:${remoteJid}:${keyId}`,
};
