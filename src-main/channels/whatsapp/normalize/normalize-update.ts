import type { EntryChange } from '../../../core/entry-changes/entry-change';
import { candidateIds } from './address';
import { readContent } from './content';
import { stubNumber } from './normalize-upsert';
import { deliveryStatusOf } from './status';
import { secondsToMillis } from './timestamp';
import type { WhatsAppItem } from './whatsapp-item';
import type { WaUpdate } from './wa-payload';

const STUB_REVOKE = 1;

/**
 * `messages.update`: a status, an edit (`message.editedMessage`) or a revoke (`message: null` with
 * stub type REVOKE). One update can carry several; an empty one (Baileys issue #1253) is a skip,
 * never a blanked message.
 */
export function normalizeUpdates(updates: readonly WaUpdate[], now: number): WhatsAppItem[] {
  return updates.flatMap((item) => normalizeUpdate(item, now));
}

function normalizeUpdate({ key, update }: WaUpdate, now: number): WhatsAppItem[] {
  const targetIds = candidateIds(key);
  if (targetIds.length === 0) return [{ type: 'skip', reason: 'an update that names no message' }];
  const at = secondsToMillis(update.messageTimestamp) ?? now;
  const changes: EntryChange[] = [];

  const status = deliveryStatusOf(update.status);
  // Statuses of messages the customer sent say whether we read them, which the inbox tracks itself.
  if (status && key.fromMe) changes.push({ kind: 'status', targetIds, status, at });
  if (update.message === null && stubNumber(update.messageStubType) === STUB_REVOKE) changes.push({ kind: 'revoke', targetIds, at });
  const edited = update.message?.editedMessage?.message;
  if (edited) {
    const readable = readContent(edited);
    if (readable) changes.push({ kind: 'edit', targetIds, body: readable.text, at });
  }
  if (changes.length === 0) return [{ type: 'skip', reason: 'an update with nothing to apply' }];
  return changes.map((change) => ({ type: 'change', change }));
}
