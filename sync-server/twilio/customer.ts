import type * as Y from 'yjs';
import { formatPhoneForDisplay, normalizePhone } from '../../src-shared/identity/phone';
import type { IdentityKey } from '../../src-shared/identity/resolve';
import { contactIdsFor, contactsOf, placeCustomer, putContact } from '../../src-shared/sync/workspace-doc';

/** The other party of a message or call, as Twilio names it. */
export type Party =
  | { kind: 'number'; e164: string; identities: IdentityKey[]; display: string }
  /** A caller who hid their number: every such call is its own thread, since nothing ties two together. */
  | { kind: 'withheld' }
  /** Something that is not a phone number (a Twilio Client `client:name`, an alphanumeric sender). */
  | { kind: 'other'; value: string };

/** What carriers put in From when the caller withheld their number. */
const WITHHELD = new Set(['', 'anonymous', 'restricted', 'unknown', 'private', 'unavailable', '+266696687', '+7378742833', '+2562533', '+86282452253']);

export function readParty(raw: string, region: string | null): Party {
  const whatsapp = raw.startsWith('whatsapp:');
  const address = whatsapp ? raw.slice('whatsapp:'.length) : raw.trim();
  if (WITHHELD.has(address.toLowerCase())) return { kind: 'withheld' };
  const phone = normalizePhone(address, region);
  if (!phone.e164 || !/^\+?[\d\s().-]+$/.test(address)) return { kind: 'other', value: address };
  const identities: IdentityKey[] = whatsapp
    ? [{ kind: 'whatsapp', value: `${phone.e164.slice(1)}@s.whatsapp.net` }, { kind: 'phone', value: phone.e164 }]
    : [{ kind: 'phone', value: phone.e164 }];
  return { kind: 'number', e164: phone.e164, identities, display: formatPhoneForDisplay(phone.e164) };
}

export function partyLabel(party: Party): string {
  if (party.kind === 'number') return party.display;
  return party.kind === 'withheld' ? 'Withheld number' : party.value;
}

/**
 * Files the party under a contact in the workspace document: a known number joins its contact, an
 * unknown one gets a contact keyed by the number. Parties without a number get contacts with
 * deterministic ids but no identity: by their name, or by `uniqueKey` (the CallSid) when withheld.
 */
export function placeParty(doc: Y.Doc, party: Party, at: number, uniqueKey: string): { contactId: string; conversationId: string } {
  if (party.kind === 'number') return placeCustomer(doc, { identities: party.identities, displayName: null }, at, party.display);
  const key = party.kind === 'withheld' ? `withheld:${uniqueKey}` : `caller:${party.value}`;
  const ids = contactIdsFor({ kind: 'phone', value: key });
  const contacts = contactsOf(doc);
  if (!contacts.has(ids.contactId)) {
    putContact(doc, { id: ids.contactId, conversationId: ids.conversationId, displayName: partyLabel(party), createdAt: at });
  }
  return ids;
}
