/** What the composer writes: an internal note, or an email to the customer. */
export type ComposerMode = 'note' | 'email';
