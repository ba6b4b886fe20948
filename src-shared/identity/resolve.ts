import type { IdentityKind } from '../domain/contact';

export interface IdentityKey {
  kind: IdentityKind;
  value: string;
}

export type Resolution =
  | { outcome: 'existing'; contactId: string; unknownIdentities: IdentityKey[] }
  | { outcome: 'new'; identities: IdentityKey[] };

export function identityKeyString(key: IdentityKey): string {
  return `${key.kind}:${key.value}`;
}

/**
 * Decides which contact a set of identities (the sender of one message) belongs to.
 * When they point at several contacts, the first identity given wins: callers list the identity the
 * message came through first, so an SMS lands with the contact who owns that number. The other
 * contacts are left alone: joining them is a person's decision (a merge), never a side effect.
 */
export function resolveIdentities(
  identities: readonly IdentityKey[],
  ownerOf: (key: IdentityKey) => string | null,
): Resolution {
  const unique = dedupe(identities);
  const owners = unique.map((key) => ({ key, owner: ownerOf(key) }));
  const first = owners.find((o) => o.owner !== null);
  if (first?.owner == null) return { outcome: 'new', identities: unique };
  return {
    outcome: 'existing',
    contactId: first.owner,
    unknownIdentities: owners.filter((o) => o.owner === null).map((o) => o.key),
  };
}

function dedupe(identities: readonly IdentityKey[]): IdentityKey[] {
  const seen = new Set<string>();
  return identities.filter((key) => {
    const id = identityKeyString(key);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
