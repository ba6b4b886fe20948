/** What the composer writes: an internal note, an email, a text or a WhatsApp message to the customer. */
export type ComposerMode = 'note' | 'email' | 'sms' | 'whatsapp';
