export const IDENTITY_KINDS = ['phone', 'email', 'whatsapp'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

export interface Identity {
  id: string;
  kind: IdentityKind;
  /** Normalized: E.164 for phones, lowercased address for email, the JID for WhatsApp. */
  value: string;
  extension: string | null;
  /** False for a phone that parses but is not a valid number: shown, never sent to. */
  valid: boolean;
}

export interface Contact {
  id: string;
  displayName: string;
  company: string | null;
  address: string | null;
  identities: Identity[];
}
