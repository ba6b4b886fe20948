import { describe, expect, it } from 'vitest';
import { resolveIdentities, type IdentityKey } from '../../../src-shared/identity/resolve';

const owners = new Map<string, string>([
  ['phone:+12125550147', 'ct_maria'],
  ['email:maria@example.com', 'ct_maria'],
  ['email:tom@beckerpm.example', 'ct_tom'],
]);
const ownerOf = (key: IdentityKey) => owners.get(`${key.kind}:${key.value}`) ?? null;

describe('resolveIdentities', () => {
  it('finds the contact that owns any of the identities and lists the ones it lacks', () => {
    expect(
      resolveIdentities(
        [
          { kind: 'whatsapp', value: '12125550147@s.whatsapp.net' },
          { kind: 'phone', value: '+12125550147' },
        ],
        ownerOf,
      ),
    ).toEqual({ outcome: 'existing', contactId: 'ct_maria', unknownIdentities: [{ kind: 'whatsapp', value: '12125550147@s.whatsapp.net' }] });
  });

  it('proposes a new contact when nobody owns them, without duplicates', () => {
    const key = { kind: 'phone' as const, value: '+13475550123' };
    expect(resolveIdentities([key, key], ownerOf)).toEqual({ outcome: 'new', identities: [key] });
  });

  it('lets the identity the message came through win when two contacts are involved', () => {
    const result = resolveIdentities(
      [
        { kind: 'email', value: 'tom@beckerpm.example' },
        { kind: 'phone', value: '+12125550147' },
      ],
      ownerOf,
    );
    expect(result).toMatchObject({ outcome: 'existing', contactId: 'ct_tom', unknownIdentities: [] });
  });
});
