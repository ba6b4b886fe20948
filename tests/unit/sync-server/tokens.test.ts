import { describe, expect, it } from 'vitest';
import { bearerToken, hashSecret, newInviteCode, newToken, normalizeInviteCode } from '../../../sync-server/auth/tokens';

describe('member tokens', () => {
  it('are 32 random bytes in base64url, stored only as a sha256', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newToken()).not.toBe(token);
    expect(hashSecret(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(token)).not.toContain(token);
  });

  it('are read from a Bearer header only', () => {
    expect(bearerToken('Bearer abc_DEF-1')).toBe('abc_DEF-1');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken(['Bearer first', 'Bearer second'])).toBe('first');
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeNull();
    expect(bearerToken('Bearer ')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});

describe('invite codes', () => {
  it('are four groups of four unambiguous characters', () => {
    const code = newInviteCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(new Set(Array.from({ length: 50 }, newInviteCode)).size).toBe(50);
  });

  it('match however they were typed', () => {
    expect(normalizeInviteCode('ab0c-d1ef-ghjk-mnpq')).toBe('AB0CD1EFGHJKMNPQ');
    expect(normalizeInviteCode(' abOc dIeF ghjk mnpq ')).toBe('AB0CD1EFGHJKMNPQ');
    expect(normalizeInviteCode('ablc')).toBe(normalizeInviteCode('AB1C'));
  });
});
