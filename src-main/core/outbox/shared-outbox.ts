import type Database from 'better-sqlite3';
import type * as Y from 'yjs';
import type { OutboxState } from '../../../src-shared/domain/outbox';
import type { Channel } from '../../../src-shared/domain/timeline';
import { addOutboxItem, moveOutboxItem, outboxItemsOf, outboxStatesOf } from '../../../src-shared/sync/outbox-doc';
import { monthOf } from '../../../src-shared/sync/timeline-doc';
import { changedKeys } from '../sync/changed-keys';
import type { SharedDocs } from '../sync/shared-docs';
import { LOCAL_WRITE } from '../sync/shared-timeline';
import { createStoreAttachment } from '../store/store-attachment';

/** The channels the channel host executes; SMS items are sync-server's and never enter a PC's queue. */
const HOST_CHANNELS: readonly Channel[] = ['email', 'whatsapp'];

export interface QueuedItem {
  id: string;
  channel: Channel;
  conversationId: string;
  contactId: string;
  entryId: string;
  entryOccurredAt: number;
  authorMemberId: string;
  payload: unknown;
  state: OutboxState;
  createdAt: number;
}

/**
 * The outbox across the team (DESIGN.md, "Outbox"): an email or WhatsApp message queued on any PC
 * is put in the shared outbox document, and every PC keeps a row of it in its local queue, so the
 * channel host (the one PC whose executor runs) sends it and everyone sees it move. Moves go both
 * ways: the host's sending and sent, a person's Retry or decision from any PC.
 */
export function createSharedOutbox(docs: SharedDocs) {
  return {
    publish(item: QueuedItem): void {
      const doc = docs.outbox();
      doc.transact(() => {
        addOutboxItem(
          doc,
          {
            id: item.id,
            channel: item.channel,
            conversationId: item.conversationId,
            contactId: item.contactId,
            entryId: item.entryId,
            entryMonth: monthOf(item.entryOccurredAt),
            to: '',
            body: '',
            media: [],
            authorMemberId: item.authorMemberId,
            createdAt: item.createdAt,
            payload: JSON.stringify(item.payload),
          },
          item.state === 'pending_approval' ? 'pending_approval' : 'queued',
        );
      }, LOCAL_WRITE);
    },
    move(id: string, to: OutboxState, change: { at: number; error: string | null }): void {
      const doc = docs.outbox();
      doc.transact(() => moveOutboxItem(doc, id, to, change), LOCAL_WRITE);
    },
  };
}

export type SharedOutbox = ReturnType<typeof createSharedOutbox>;

const sharedOutboxes = createStoreAttachment<SharedOutbox>();
export const attachSharedOutbox = sharedOutboxes.attach;
export const sharedOutboxOf = sharedOutboxes.of;

/**
 * Keeps this PC's queue in step with what other PCs put in the shared outbox: a new item gets its
 * local row, and a state another PC set is taken as it is (the document applied the lifecycle's
 * rules). `onQueued` wakes this PC's executor for a channel that has work.
 */
export function followSharedOutbox(sqlite: Database.Database, workspaceId: string, docs: SharedDocs, onQueued: (channel: Channel) => void): () => void {
  const doc = docs.outbox();
  const items = outboxItemsOf(doc);
  const states = outboxStatesOf(doc);
  const insert = sqlite.prepare(`
    INSERT INTO outbox (id, workspace_id, channel, conversation_id, entry_id, author_member_id, payload, state, attempts, last_error, created_at, updated_at)
    SELECT :id, :workspaceId, :channel, :conversationId, :entryId, :authorMemberId, :payload, :state, :attempts, :error, :createdAt, :at
    WHERE EXISTS (SELECT 1 FROM conversations WHERE id = :conversationId)
    ON CONFLICT (id) DO NOTHING`);
  const known = sqlite.prepare('SELECT 1 FROM outbox WHERE id = ?').pluck();
  /** Items whose conversation had not reached this PC yet; tried again as the workspace changes. */
  const waiting = new Set<string>();
  const setState = sqlite.prepare(`
    UPDATE outbox SET state = :state, attempts = :attempts, last_error = :error, updated_at = :at
    WHERE id = :id AND (state, attempts) IS NOT (:state, :attempts)`);

  /** `withStates`: also take states other PCs set (not at start: this PC's own may be newer). */
  const take = (ids: Iterable<string>, withStates: boolean): Set<Channel> => {
    const woken = new Set<Channel>();
    for (const id of ids) {
      const item = items.get(id);
      const state = states.get(id);
      if (!item || !state || !HOST_CHANNELS.includes(item.channel) || item.payload === undefined) continue;
      const row = { id, workspaceId, channel: item.channel, conversationId: item.conversationId, entryId: item.entryId, authorMemberId: item.authorMemberId, payload: item.payload, state: state.state, attempts: state.attempts, error: state.error, createdAt: item.createdAt, at: state.at };
      const changed = insert.run(row).changes > 0 || (withStates && setState.run(row).changes > 0);
      if (known.get(id) === undefined) waiting.add(id);
      else waiting.delete(id);
      if (changed && state.state === 'queued') woken.add(item.channel);
    }
    return woken;
  };

  const wake = (channels: Set<Channel>) => channels.forEach(onQueued);
  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin === LOCAL_WRITE) return;
    wake(take(new Set([...changedKeys(transaction, items), ...changedKeys(transaction, states)]), true));
  };
  const onWorkspace = () => {
    if (waiting.size > 0) wake(take([...waiting], true));
  };
  wake(take(items.keys(), false));
  doc.on('afterTransaction', onTransaction);
  docs.workspace.on('afterTransaction', onWorkspace);
  return () => {
    doc.off('afterTransaction', onTransaction);
    docs.workspace.off('afterTransaction', onWorkspace);
  };
}
