import type { EntryChangeRecord } from '../../../src-shared/sync/timeline-doc';
import type { EntryChange } from '../entry-changes/entry-change';

/**
 * A change applied to an entry, as the month document keeps it: under an id made of what it is, so
 * the same change reported twice (a retried receipt, two devices) is kept once.
 */
export function toChangeRecord(change: Exclude<EntryChange, { kind: 'status' }>, entryId: string, now: number): EntryChangeRecord {
  switch (change.kind) {
    case 'edit':
      return { id: `edit:${entryId}:${change.at}`, entryId, at: change.at, kind: 'edit', body: change.body };
    case 'revoke':
      return { id: `revoke:${entryId}`, entryId, at: change.at, kind: 'revoke' };
    case 'reaction':
      return { id: `reaction:${entryId}:${change.by}:${change.at}`, entryId, at: change.at, kind: 'reaction', by: change.by, emoji: change.emoji };
    case 'attachment':
      return { id: `attachment:${entryId}:${change.index}`, entryId, at: now, kind: 'attachment', index: change.index, sha256: change.sha256, size: change.size };
    case 'resolve':
      return { id: `resolve:${entryId}`, entryId, at: change.at, kind: 'resolve' };
    case 'move':
      return { id: `move:${entryId}:${change.at}`, entryId, at: change.at, kind: 'move', toConversationId: change.toConversationId, toContactId: change.toContactId, by: change.by, reason: change.reason };
  }
}

/** The change another PC applied, to apply here the same way. */
export function fromChangeRecord(record: EntryChangeRecord): EntryChange {
  const targetIds = [record.entryId];
  if (record.kind === 'edit') return { kind: 'edit', targetIds, body: record.body, at: record.at };
  if (record.kind === 'revoke') return { kind: 'revoke', targetIds, at: record.at };
  if (record.kind === 'reaction') return { kind: 'reaction', targetIds, by: record.by, emoji: record.emoji, at: record.at };
  if (record.kind === 'resolve') return { kind: 'resolve', targetIds, at: record.at };
  if (record.kind === 'move') return { kind: 'move', targetIds, toConversationId: record.toConversationId, toContactId: record.toContactId, by: record.by, reason: record.reason, at: record.at };
  return { kind: 'attachment', targetIds, index: record.index, sha256: record.sha256, size: record.size };
}
