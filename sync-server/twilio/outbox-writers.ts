import type * as Y from 'yjs';
import { canApproveSends, sendsNeedApproval } from '../../src-shared/domain/permissions';
import { outboxItemsOf, outboxStatesOf, type OutboxItemRecord } from '../../src-shared/sync/outbox-doc';
import { findActiveMember } from '../auth/members';
import type { Peer } from '../rooms/room';
import { isClientOrigin } from '../rooms/origins';
import type { ServerDb } from '../store/server-db';
import type { Role } from '../../src-shared/domain/workspace';

const ROLE_NAMES: Record<Role, string> = { owner: 'an owner', manager: 'a manager', agent: 'an agent', gated_agent: 'a gated agent' };

/**
 * Records, from the connection each change arrived on, which member created an outbox item and
 * which member put it in each state. Only the server sees connections, so only it can check that a
 * text was queued by someone allowed to send it, whatever a client wrote into the document.
 */
export function watchOutboxWriters(db: ServerDb, workspaceId: string, doc: Y.Doc): void {
  const insert = db.prepare(
    'INSERT INTO outbox_writers (workspace_id, item_id, change, member_id, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET member_id = excluded.member_id, at = excluded.at',
  );
  const record = (transaction: Y.Transaction, itemId: string, change: string) => {
    const peer = transaction.origin as Peer;
    insert.run(workspaceId, itemId, change, peer.memberId, Date.now());
  };
  outboxItemsOf(doc).observe((event, transaction) => {
    if (!isClientOrigin(transaction.origin)) return;
    for (const [itemId, change] of event.changes.keys) if (change.action === 'add') record(transaction, itemId, 'created');
  });
  const states = outboxStatesOf(doc);
  states.observe((event, transaction) => {
    if (!isClientOrigin(transaction.origin)) return;
    for (const [itemId, change] of event.changes.keys) {
      const state = states.get(itemId)?.state;
      if (change.action !== 'delete' && state) record(transaction, itemId, state);
    }
  });
}

/**
 * Why the server must not send a queued item, or null when it may: it was created by its stated
 * author, queued by a member who may send without approval, and, if it waited for approval, released
 * by an owner or manager.
 */
export function unauthorizedReason(db: ServerDb, workspaceId: string, item: OutboxItemRecord): string | null {
  const writers = new Map(
    db
      .prepare<[string, string], { change: string; member_id: string }>('SELECT change, member_id FROM outbox_writers WHERE workspace_id = ? AND item_id = ?')
      .all(workspaceId, item.id)
      .map((row) => [row.change, row.member_id]),
  );
  const creator = writers.get('created');
  const queuer = writers.get('queued');
  if (!creator || !queuer) return 'Not sent: the server cannot tell who wrote this text. Write it again from the composer.';
  if (creator !== item.authorMemberId) return 'Not sent: this text was not written by the member it names as its author.';
  const queuedBy = findActiveMember(db, workspaceId, queuer);
  if (!queuedBy) return 'Not sent: the member who queued this text is no longer in the workspace.';
  if (writers.has('pending_approval') || queuer !== creator) {
    if (!canApproveSends(queuedBy.role)) return `Not sent: ${ROLE_NAMES[queuedBy.role]} cannot approve texts; an owner or manager must.`;
  } else if (sendsNeedApproval(queuedBy.role)) {
    return 'Not sent: texts from a gated agent need an owner or manager to approve them.';
  }
  return null;
}
