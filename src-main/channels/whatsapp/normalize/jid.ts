/**
 * WhatsApp addresses. A JID is `user[:device]@server`; the device part names one of a person's
 * linked devices, so it is dropped to find the person. A person has a phone-number JID
 * (`@s.whatsapp.net`) and, since 2025, often a LID (`@lid`) that hides the number; the two are the
 * same customer.
 */
export interface Jid {
  user: string;
  server: string;
}

export function parseJid(jid: string): Jid | null {
  const at = jid.lastIndexOf('@');
  if (at <= 0) return null;
  const user = jid.slice(0, at).split(':')[0]!.split('_')[0]!;
  const server = jid.slice(at + 1).toLowerCase();
  if (user === '' || server === '') return null;
  return { user, server: server === 'c.us' ? 's.whatsapp.net' : server };
}

/** The person (or group) behind a JID: device suffix dropped, the legacy `c.us` server renamed. */
export function normalizeJid(jid: string | null | undefined): string | null {
  if (!jid) return null;
  const parsed = parseJid(jid);
  return parsed ? `${parsed.user}@${parsed.server}` : null;
}

export const isPhoneJid = (jid: string): boolean => jid.endsWith('@s.whatsapp.net');
export const isLidJid = (jid: string): boolean => jid.endsWith('@lid');
export const isGroupJid = (jid: string): boolean => jid.endsWith('@g.us');
/** Status updates, broadcast lists and channels: never one customer's conversation. */
export const isBroadcastJid = (jid: string): boolean => jid.endsWith('@broadcast') || jid.endsWith('@newsletter');

/** `+<digits>` for a phone-number JID whose user part is all digits (masked dumps are not). */
export function phoneOfJid(jid: string): string | null {
  if (!isPhoneJid(jid)) return null;
  const user = jid.slice(0, jid.indexOf('@'));
  return /^\d{6,15}$/.test(user) ? `+${user}` : null;
}

/** The first phone-number JID and the first LID among several spellings of one person. */
export function personJids(candidates: ReadonlyArray<string | null | undefined>): { pn: string | null; lid: string | null } {
  const jids = candidates.map(normalizeJid).filter((jid): jid is string => jid !== null);
  return { pn: jids.find(isPhoneJid) ?? null, lid: jids.find(isLidJid) ?? null };
}
