import { candidateIds, senderOf } from './address';
import { longToNumber } from './timestamp';
import type { WhatsAppItem } from './whatsapp-item';
import type { WaReaction } from './wa-payload';

/** `messages.reaction`: `key` is the message reacted to, `reaction.key` the reaction's own (its sender). */
export function normalizeReactions(reactions: readonly WaReaction[], now: number): WhatsAppItem[] {
  return reactions.map(({ key, reaction }) => {
    const targetIds = candidateIds(key);
    if (targetIds.length === 0 || !reaction.key) return { type: 'skip', reason: 'a reaction that names no message or sender' };
    const at = longToNumber(reaction.senderTimestampMs) ?? now;
    return { type: 'change', change: { kind: 'reaction', targetIds, by: senderOf(reaction.key), emoji: reaction.text ?? '', at } };
  });
}
