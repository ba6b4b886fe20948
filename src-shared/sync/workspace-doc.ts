import * as Y from 'yjs';
import { z } from 'zod';
import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';
import { identityKeyString, resolveIdentities, type IdentityKey } from '../identity/resolve';
import type { Role } from '../domain/workspace';

/**
 * Contacts and their identities, as kept in the workspace document (`ws/<workspace>`). Records are
 * plain values replaced whole, keyed by their own id, so concurrent writers never lose each other's
 * records. Whoever ingests a message (the channel host, or sync-server for Twilio) files it under a
 * contact through this document, so every PC sees the same contact and conversation ids.
 */
export const CONTACTS_MAP = 'contacts';
/** `kind:value` of an identity → the id of the contact it belongs to. */
export const IDENTITIES_MAP = 'identities';
/** The team's members as sync-server knows them (only the server writes here): id → MemberRecord. */
export const MEMBERS_MAP = 'members';
/** conversationId → the time up to which it was read; only ever raised (the highest wins on every PC). */
export const READ_MARKS_MAP = 'readMarks';
/** conversationId → the time up to which someone said no reply is needed; only ever raised. */
export const DISMISSALS_MAP = 'dismissals';
/** Workspace-wide settings every PC shows the same: `name`. */
export const SETTINGS_MAP = 'settings';
/** The months that have a timeline document (`YYYY-MM` → true), so a PC knows which ones to open. */
export const MONTHS_MAP = 'months';

export interface ContactRecord {
  id: string;
  conversationId: string;
  displayName: string;
  createdAt: number;
  company?: string | null;
  address?: string | null;
}

export interface Customer {
  /** The identity the message came through first. */
  identities: IdentityKey[];
  displayName: string | null;
}

export interface Placement {
  contactId: string;
  conversationId: string;
  /** Set when this call created the contact. */
  created: ContactRecord | null;
  /** Identities this call added to an existing contact. */
  addedIdentities: IdentityKey[];
}

const contactRecordSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  displayName: z.string(),
  createdAt: z.number(),
  company: z.string().nullish(),
  address: z.string().nullish(),
});

/**
 * Contacts are kept as JSON strings (putContact): a workspace has one per customer, and Yjs decodes a
 * string several times faster than an object, which is most of what opening the document costs
 * (bench:sync 2c). Objects written by earlier versions are still read.
 */
export function contactsOf(doc: Y.Doc): Y.Map<string | ContactRecord> {
  return doc.getMap<string | ContactRecord>(CONTACTS_MAP);
}

/** A contact as stored, or undefined when the value is not one. */
export function readContact(value: unknown): ContactRecord | undefined {
  let raw = value;
  if (typeof value === 'string') {
    try {
      raw = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const parsed = contactRecordSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export function contactOf(doc: Y.Doc, contactId: string): ContactRecord | undefined {
  return readContact(contactsOf(doc).get(contactId));
}

export function putContact(doc: Y.Doc, record: ContactRecord): void {
  contactsOf(doc).set(record.id, JSON.stringify(record));
}

export function identitiesOf(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(IDENTITIES_MAP);
}

export interface MemberRecord {
  id: string;
  name: string;
  role: Role;
  /** Removed members stay listed, so old notes and claims keep a name. */
  removed: boolean;
}

export function membersOf(doc: Y.Doc): Y.Map<MemberRecord> {
  return doc.getMap<MemberRecord>(MEMBERS_MAP);
}

export function readMarksOf(doc: Y.Doc): Y.Map<number> {
  return doc.getMap<number>(READ_MARKS_MAP);
}

export function dismissalsOf(doc: Y.Doc): Y.Map<number> {
  return doc.getMap<number>(DISMISSALS_MAP);
}

/** Raises a high-water mark; a lower or equal value changes nothing. */
export function raiseMark(marks: Y.Map<number>, conversationId: string, upTo: number): boolean {
  if ((marks.get(conversationId) ?? 0) >= upTo) return false;
  marks.set(conversationId, upTo);
  return true;
}

export function settingsOf(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(SETTINGS_MAP);
}

export function monthsOf(doc: Y.Doc): Y.Map<boolean> {
  return doc.getMap<boolean>(MONTHS_MAP);
}

/**
 * A new contact's ids are derived from the identity that created it, so two writers that meet the
 * same unknown number while cut off from each other create the same contact, not two.
 */
export function contactIdsFor(key: IdentityKey): { contactId: string; conversationId: string } {
  const suffix = base32(digest(encodeUtf8(identityKeyString(key)))).slice(0, 26);
  return { contactId: `ct_${suffix}`, conversationId: `cv_${suffix}` };
}

/**
 * Finds the contact a message belongs to through its identities, or creates it; identities the
 * contact did not have yet are added. Runs in one document transaction.
 */
export function placeCustomer(doc: Y.Doc, customer: Customer, at: number, fallbackName: string): Placement {
  const identities = identitiesOf(doc);
  let placement: Placement | null = null;
  doc.transact(() => {
    const resolution = resolveIdentities(customer.identities, (key) => identities.get(identityKeyString(key)) ?? null);
    if (resolution.outcome === 'existing') {
      const contact = contactOf(doc, resolution.contactId);
      if (!contact) throw new Error(`Identity points at a contact the workspace does not hold: ${resolution.contactId}`);
      for (const key of resolution.unknownIdentities) identities.set(identityKeyString(key), contact.id);
      placement = { contactId: contact.id, conversationId: contact.conversationId, created: null, addedIdentities: resolution.unknownIdentities };
      return;
    }
    const first = resolution.identities[0];
    if (!first) throw new Error('A message without any sender identity cannot be filed under a contact');
    const ids = contactIdsFor(first);
    const created: ContactRecord = { id: ids.contactId, conversationId: ids.conversationId, displayName: customer.displayName ?? fallbackName, createdAt: at };
    putContact(doc, created);
    for (const key of resolution.identities) identities.set(identityKeyString(key), created.id);
    placement = { ...ids, created, addedIdentities: resolution.identities };
  });
  if (!placement) throw new Error('The customer could not be placed');
  return placement;
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}
