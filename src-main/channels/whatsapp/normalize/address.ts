import type { IdentityKey } from '../../../../src-shared/identity/resolve';
import { stableIds } from '../../../core/ingest/stable-ids';
import { isBroadcastJid, isGroupJid, normalizeJid, personJids, phoneOfJid } from './jid';
import type { WaKey } from './wa-payload';

/** The chat a key belongs to, device suffix dropped; null when the key names no chat. */
export function chatOf(key: WaKey): string | null {
  return normalizeJid(key.remoteJid);
}

export function isCustomerChat(chatJid: string): boolean {
  return !isGroupJid(chatJid) && !isBroadcastJid(chatJid);
}

/**
 * The ids a message may be stored under: `wa:<chat>:<id>` for the chat as the key names it, and for
 * the chat's other address (phone number or LID) when the key carries it.
 */
export function candidateIds(key: WaKey): string[] {
  const chat = chatOf(key);
  if (!chat || !key.id) return [];
  const alternates = [key.remoteJidAlt, key.senderPn, key.senderLid].map(normalizeJid).filter((jid): jid is string => jid !== null && jid !== chat);
  return [chat, ...(isCustomerChat(chat) ? alternates : [])].map((jid) => stableIds.whatsapp(jid, key.id!));
}

/**
 * The customer of a one-to-one chat as identities: the phone number first, so a customer already
 * known by phone (from SMS or calls) gets their WhatsApp messages in the same thread, then each
 * WhatsApp address, so a later message that names only the LID finds the same person.
 */
export function customerIdentities(key: WaKey): IdentityKey[] {
  const { pn, lid } = personJids([key.remoteJid, key.remoteJidAlt, key.senderPn, key.senderLid]);
  const phone = pn ? phoneOfJid(pn) : null;
  return [
    ...(phone ? [{ kind: 'phone' as const, value: phone }] : []),
    ...(pn ? [{ kind: 'whatsapp' as const, value: pn }] : []),
    ...(lid ? [{ kind: 'whatsapp' as const, value: lid }] : []),
  ];
}

/** Who wrote a message or reaction: `me` for this business, else the participant (groups) or the chat. */
export function senderOf(key: WaKey, messageParticipant?: string | null): string {
  if (key.fromMe) return 'me';
  return normalizeJid(key.participant ?? messageParticipant) ?? normalizeJid(key.remoteJid) ?? 'unknown';
}

/** A group participant's phone number, when the key spells it out next to a LID. */
export function participantPhone(key: WaKey): string | null {
  const { pn } = personJids([key.participant, key.participantAlt, key.participantPn]);
  return pn ? phoneOfJid(pn) : null;
}
