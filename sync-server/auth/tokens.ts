import { createHash, randomBytes } from 'node:crypto';

/** A member's secret: 32 random bytes, base64url. Only its hash is stored, so a leaked database grants nothing. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The token of an `Authorization: Bearer <token>` header, or null when there is none. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+([A-Za-z0-9_-]{1,200})\s*$/i.exec(value ?? '');
  return match?.[1] ?? null;
}

// Crockford base32: no I, L, O or U, so a code read aloud over the phone survives.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** An invite code a person can type: 16 base32 characters (80 bits) in groups of four. */
export function newInviteCode(): string {
  const chars = [...randomBytes(16)].map((byte) => CODE_ALPHABET[byte % 32]).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

/** Accepts the code however it was typed: any case, with or without dashes and spaces, O for 0, I and L for 1. */
export function normalizeInviteCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}
