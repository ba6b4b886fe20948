import type Database from 'better-sqlite3';
import { isFurther } from '../../../src-shared/domain/delivery-order';
import { canMove, OUTBOX_STATES, type OutboxState } from '../../../src-shared/domain/outbox';
import type { EntryReaction } from '../../../src-shared/domain/reaction';
import type { AttachmentMeta, DeliveryStatus } from '../../../src-shared/domain/timeline';
import type { ConversationRollup } from '../conversations/conversation-rollup';
import { moveOutboxItem } from '../outbox/outbox-repo';
import type { Store } from '../store/open-store';
import type { EntryChange } from './entry-change';
import { sharedTimelineOf } from '../sync/shared-timeline';
import { addSystemEvent } from '../entries/system-event';
import { prepareThreadRows } from '../contacts/thread-rows';
import { toChangeRecord } from '../sync/entry-change-records';
import { withReaction } from './reactions';

interface TargetRow {
  id: string;
  occurredAt: number;
  kind: string;
  callOutcome: string | null;
  callResolvedAt: number | null;
  conversationId: string;
  direction: string | null;
  body: string;
  attachments: string;
  reactions: string;
  deliveryStatus: DeliveryStatus | null;
  editedAt: number | null;
  deletedAt: number | null;
}

export interface EntryChangesResult {
  /** Changes that altered a stored entry; the rest named no stored entry or were already applied. */
  applied: number;
  conversationIds: string[];
}

/**
 * The one place that changes stored entries after they arrived: reactions, edits (the replaced text
 * goes to `entry_revisions`), deletes for everyone (the original goes there too), delivery statuses,
 * which only move forward whatever order they arrive in, and media fetched after the message. Each call is one transaction;
 * applying a change twice changes nothing the second time.
 */
export function createEntryChanges(store: Store, rollup: ConversationRollup) {
  const { sqlite } = store;
  const statements = prepare(sqlite);
  const ensureThread = prepareThreadRows(sqlite);

  function findTarget(workspaceId: string, targetIds: readonly string[]): TargetRow | null {
    for (const id of targetIds) {
      const row = statements.target.get(id, workspaceId) as TargetRow | undefined;
      if (row) return row;
    }
    return null;
  }

  /** Returns whether the entry changed, and whether its text did (which the inbox preview shows). */
  function applyOne(workspaceId: string, change: EntryChange): { changed: boolean; text: boolean; conversationId: string | null } {
    const target = findTarget(workspaceId, change.targetIds);
    if (!target) return { changed: false, text: false, conversationId: null };
    const result = (changed: boolean, text = false) => {
      if (changed) publish(change, target);
      return { changed, text, conversationId: target.conversationId };
    };
    switch (change.kind) {
      case 'reaction': {
        const next = withReaction(JSON.parse(target.reactions) as EntryReaction[], change);
        if (next === null) return result(false);
        statements.setReactions.run(JSON.stringify(next), target.id);
        return result(true);
      }
      case 'edit': {
        if (target.deletedAt !== null || change.body === target.body) return result(false);
        if (target.editedAt !== null && change.at < target.editedAt) {
          // An older edit arriving late is history, not the current text.
          if (statements.hasRevision.get(target.id, change.body) !== undefined) return result(false);
          statements.addRevision.run(target.id, 'edit', change.body, '[]', change.at);
          return result(true);
        }
        statements.addRevision.run(target.id, 'edit', target.body, target.attachments, change.at);
        statements.setBody.run(change.body, change.at, target.id);
        return result(true, true);
      }
      case 'revoke': {
        if (target.deletedAt !== null) return result(false);
        statements.addRevision.run(target.id, 'revoke', target.body, target.attachments, change.at);
        statements.markDeleted.run(change.at, target.id);
        return result(true, true);
      }
      case 'attachment': {
        const attachments = JSON.parse(target.attachments) as AttachmentMeta[];
        const file = attachments[change.index];
        if (target.deletedAt !== null || !file || file.sha256 === change.sha256) return result(false);
        attachments[change.index] = { ...file, sha256: change.sha256, size: change.size };
        statements.setAttachments.run(JSON.stringify(attachments), target.id);
        return result(true);
      }
      case 'resolve': {
        if (target.kind !== 'call' || target.callResolvedAt !== null) return result(false);
        statements.resolveCall.run(change.at, target.id);
        return result(true, true);
      }
      case 'move': {
        if (target.kind !== 'call' || target.conversationId === change.toConversationId) return result(false);
        moveCall(workspaceId, target, change);
        return result(true, true);
      }
      case 'status': {
        if (target.direction !== 'outbound' || !isFurther(change.status, target.deliveryStatus)) return result(false);
        followInOutbox(target.id, change.status);
        // After the outbox move, which sets the entry to the item's state: `played` has no outbox state.
        statements.setStatus.run(change.status, target.id);
        return result(true);
      }
    }
  }

  /**
   * The call goes to its new thread; both threads say so (each PC writes the same lines, under ids
   * derived from the move), and the audit log keeps where it was and why it moved.
   */
  function moveCall(workspaceId: string, target: TargetRow, change: Extract<EntryChange, { kind: 'move' }>): void {
    // A thread made for the call on another PC may reach this one after the move: it starts unnamed
    // and takes its name when the workspace document brings it.
    ensureThread(workspaceId, { contactId: change.toContactId, conversationId: change.toConversationId, at: change.at });
    const thread = (conversationId: string) => statements.threadOf.get(conversationId) as { contactId: string; name: string };
    const from = thread(target.conversationId);
    const to = thread(change.toConversationId);
    const why = change.reason ? `: ${change.reason}` : '';
    statements.addRevision.run(target.id, 'move', `Filed under ${from.name}; moved to ${to.name}${why}`, '[]', change.at);
    statements.moveEntry.run(change.toConversationId, change.toContactId, target.id);
    const at = change.at;
    addSystemEvent(store.db, rollup, { workspaceId, conversationId: target.conversationId, contactId: from.contactId }, `A call was moved from here to ${to.name}${why}`, at, `sys:move:${target.id}:${at}:from`);
    addSystemEvent(store.db, rollup, { workspaceId, conversationId: change.toConversationId, contactId: to.contactId }, `A call was moved here from ${from.name}${why}`, at, `sys:move:${target.id}:${at}:to`);
    rollup.recompute(change.toConversationId);
  }

  /** What changed goes to the entry's month document too, for the other PCs (see shared-materializer). */
  function publish(change: EntryChange, target: TargetRow): void {
    const shared = sharedTimelineOf(sqlite);
    if (!shared) return;
    if (change.kind === 'status') shared.advanceStatus(target.id, target.occurredAt, { status: change.status, error: null, at: change.at });
    else shared.putChange(target.occurredAt, toChangeRecord(change, target.id, Date.now()));
  }

  /**
   * The outbox item of a sent message follows its receipts, as far as the outbox lifecycle goes,
   * through the outbox's own move (so whatever follows outbox moves hears of it).
   */
  function followInOutbox(entryId: string, status: DeliveryStatus): void {
    const to: OutboxState | undefined = status === 'played' ? 'read' : OUTBOX_STATES.find((state) => state === status);
    const item = statements.outboxOf.get(entryId) as { id: string; state: OutboxState } | undefined;
    if (!item || !to || !canMove(item.state, to)) return;
    moveOutboxItem(store.db, item.id, item.state, to);
  }

  return sqlite.transaction((workspaceId: string, changes: readonly EntryChange[]): EntryChangesResult => {
    let applied = 0;
    const touched = new Set<string>();
    const textChanged = new Set<string>();
    for (const change of changes) {
      const outcome = applyOne(workspaceId, change);
      if (!outcome.changed || !outcome.conversationId) continue;
      applied += 1;
      touched.add(outcome.conversationId);
      if (outcome.text) textChanged.add(outcome.conversationId);
    }
    for (const conversationId of textChanged) rollup.recompute(conversationId);
    return { applied, conversationIds: [...touched] };
  });
}

export type EntryChanges = ReturnType<typeof createEntryChanges>;

function prepare(sqlite: Database.Database) {
  return {
    target: sqlite.prepare(`
      SELECT id, occurred_at AS occurredAt, kind, call_outcome AS callOutcome, call_resolved_at AS callResolvedAt,
        conversation_id AS conversationId, direction, body, attachments, reactions,
        delivery_status AS deliveryStatus, edited_at AS editedAt, deleted_at AS deletedAt
      FROM entries WHERE id = ? AND workspace_id = ?`),
    setReactions: sqlite.prepare('UPDATE entries SET reactions = ? WHERE id = ?'),
    setBody: sqlite.prepare('UPDATE entries SET body = ?, edited_at = ? WHERE id = ?'),
    markDeleted: sqlite.prepare(`UPDATE entries SET body = '', attachments = '[]', reactions = '[]', deleted_at = ? WHERE id = ?`),
    setStatus: sqlite.prepare('UPDATE entries SET delivery_status = ? WHERE id = ?'),
    setAttachments: sqlite.prepare('UPDATE entries SET attachments = ? WHERE id = ?'),
    addRevision: sqlite.prepare('INSERT INTO entry_revisions (entry_id, reason, body, attachments, replaced_at) VALUES (?, ?, ?, ?, ?)'),
    hasRevision: sqlite.prepare(`SELECT 1 FROM entry_revisions WHERE entry_id = ? AND reason = 'edit' AND body = ?`),
    outboxOf: sqlite.prepare('SELECT id, state FROM outbox WHERE entry_id = ?'),
    resolveCall: sqlite.prepare('UPDATE entries SET call_resolved_at = ? WHERE id = ?'),
    moveEntry: sqlite.prepare('UPDATE entries SET conversation_id = ?, origin_contact_id = ? WHERE id = ?'),
    threadOf: sqlite.prepare(`
      SELECT c.contact_id AS contactId, k.display_name AS name FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE c.id = ?`),
  };
}
