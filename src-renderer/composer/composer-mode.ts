/** What the composer writes: an internal note, an email or a text to the customer. */
export type ComposerMode = 'note' | 'email' | 'sms';
