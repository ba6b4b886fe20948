import type { ConversationRollup } from '../conversations/conversation-rollup';
import { createIngest } from '../ingest/ingest-inbound';
import type { Store } from '../store/open-store';
import type { EmailBatch, OtherEmail, ReplyChain } from './email-batch';
import { saveFolderCheckpoint } from './email-folder-repo';
import { createMarkBounced } from './mark-bounced';
import { createThreadRouting, type ThreadJoin } from './route-by-thread';
import { addSystemEvent } from '../entries/system-event';

export interface EmailSinkResult {
  added: number;
  duplicates: number;
  /** Conversations the batch changed, for the inbox to refetch once it is committed. */
  conversationIds: string[];
}

/**
 * Where the email channel hands what it synced. `commit` is one transaction holding the messages, their
 * reply chains, bounces, read marks, expunges and the folder checkpoint: killed at any point, the store holds a
 * whole batch with its checkpoint or neither, and stable ids make fetching a batch again harmless.
 */
export function createEmailSink(store: Store, rollup: ConversationRollup, workspaceId: string) {
  const { sqlite } = store;
  const ingest = createIngest(store, rollup);
  const markBounced = createMarkBounced(store, rollup);
  const routeByThread = createThreadRouting(sqlite);
  // A message seen again (a resync, or our own send found in Sent) keeps its row; only where it is now
  // is updated, and a message back in a synced folder is no longer removed.
  const insertChain = sqlite.prepare(`
    INSERT INTO email_messages (id, account_id, message_id, in_reply_to, "references", html_sha256, filed_as, auto_reply, calendar, folder_path, uid)
    VALUES (:id, :accountId, :messageId, :inReplyTo, :references, :htmlSha256, :filedAs, :autoReply, :calendar, :folderPath, :uid)
    ON CONFLICT (id) DO UPDATE SET folder_path = excluded.folder_path, uid = excluded.uid, removed_at = NULL
    WHERE excluded.uid IS NOT NULL`);
  const insertOther = sqlite.prepare(`
    INSERT INTO other_mail (id, workspace_id, account_id, category, from_address, from_name, to_addresses, subject, body,
      occurred_at, attachments, auto_reply, bounced_entry_id, bounce_recipient, bounce_status, bounce_diagnostic)
    VALUES (:id, :workspaceId, :accountId, :category, :fromAddress, :fromName, :to, :subject, :body,
      :occurredAt, :attachments, :autoReply, :bouncedEntryId, :bounceRecipient, :bounceStatus, :bounceDiagnostic)
    ON CONFLICT (id) DO NOTHING`);
  const bouncesAwaiting = sqlite.prepare(`
    SELECT id, occurred_at AS occurredAt, bounce_recipient AS recipient, bounce_status AS status, bounce_diagnostic AS diagnostic
    FROM other_mail WHERE bounced_entry_id = ?`);
  // The mark only appears once: a UID reported again (an older VANISHED (EARLIER)) changes nothing.
  const markRemoved = sqlite.prepare(`
    UPDATE email_messages SET removed_at = :now
    WHERE account_id = :accountId AND folder_path = :path AND uid = :uid AND removed_at IS NULL
    RETURNING (SELECT conversation_id FROM entries WHERE entries.id = email_messages.id) AS conversationId`);
  const entryTarget = sqlite.prepare(`
    SELECT workspace_id AS workspaceId, conversation_id AS conversationId, origin_contact_id AS contactId FROM entries WHERE id = ?`);
  const seenEntry = sqlite.prepare(`
    SELECT conversation_id AS conversationId, occurred_at AS occurredAt FROM entries WHERE id = ? AND direction = 'inbound'`);

  function saveChain(id: string, accountId: string, chain: ReplyChain, filedAs: 'entry' | 'other'): void {
    insertChain.run({
      id,
      accountId,
      messageId: chain.messageId,
      inReplyTo: chain.inReplyTo,
      references: JSON.stringify(chain.references),
      htmlSha256: chain.htmlSha256,
      filedAs,
      autoReply: chain.autoReply ? 1 : 0,
      calendar: chain.calendar && JSON.stringify(chain.calendar),
      folderPath: chain.location?.path ?? null,
      uid: chain.location?.uid ?? null,
    });
  }

  /** Says in the thread that an address joined the customer by answering it, so a person can check. */
  function announceJoin(join: ThreadJoin, conversationId: string, at: number): void {
    const target = entryTarget.get(join.entryId) as { workspaceId: string; conversationId: string; contactId: string } | undefined;
    if (!target || target.conversationId !== conversationId) return;
    const text = `${join.address} answered this conversation from an address not on file, so it was added to ${join.contactName}'s addresses.`;
    addSystemEvent(store.db, rollup, target, text, at, `sys:joined:${join.entryId}`);
  }

  /**
   * Returns the conversation a bounce marked, if any. A bounce already stored is not applied again: the
   * message may have been retried and delivered since.
   */
  function saveOther(accountId: string, mail: OtherEmail): string | null {
    const inserted = insertOther.run({
      id: mail.id,
      workspaceId,
      accountId,
      category: mail.category,
      fromAddress: mail.from?.address ?? null,
      fromName: mail.from?.name ?? null,
      to: JSON.stringify(mail.to),
      subject: mail.subject,
      body: mail.body,
      occurredAt: mail.occurredAt,
      attachments: JSON.stringify(mail.attachments),
      autoReply: mail.autoReply ? 1 : 0,
      bouncedEntryId: mail.bounce?.failedEntryId ?? null,
      bounceRecipient: mail.bounce?.recipient ?? null,
      bounceStatus: mail.bounce?.status ?? null,
      bounceDiagnostic: mail.bounce?.diagnostic ?? null,
    });
    return mail.bounce && inserted.changes > 0 ? markBounced(mail.id, mail.bounce, mail.occurredAt) : null;
  }

  /** A bounce can be synced before the message it returns (newest first, or INBOX before Sent). */
  function applyEarlierBounces(entryId: string): void {
    for (const row of bouncesAwaiting.all(entryId) as Array<{ id: string; occurredAt: number; recipient: string | null; status: string | null; diagnostic: string | null }>) {
      markBounced(row.id, { failedEntryId: entryId, recipient: row.recipient, status: row.status, diagnostic: row.diagnostic }, row.occurredAt);
    }
  }

  const commit = sqlite.transaction((batch: EmailBatch): EmailSinkResult => {
    const { emails, joins } = routeByThread(workspaceId, batch.emails);
    const customerMail = emails.flatMap((mail) => (mail.filedAs === 'entry' ? [mail] : []));
    const outcomes = ingest(workspaceId, customerMail.map((mail) => mail.entry));
    const touched = new Set(outcomes.flatMap((o) => (o.status === 'added' ? [o.conversationId] : [])));
    customerMail.forEach((mail, i) => {
      saveChain(mail.entry.id, batch.accountId, mail.chain, 'entry');
      const outcome = outcomes[i];
      if (outcome?.status !== 'added') return;
      if (mail.entry.direction === 'outbound') applyEarlierBounces(mail.entry.id);
      const join = joins.get(mail.entry.id);
      if (join) announceJoin(join, outcome.conversationId, mail.entry.occurredAt);
    });
    for (const mail of emails) {
      if (mail.filedAs === 'other') {
        saveChain(mail.id, batch.accountId, mail.chain, 'other');
        const bounced = saveOther(batch.accountId, mail);
        if (bounced) touched.add(bounced);
      }
    }
    for (const id of batch.seenIds) {
      const seen = seenEntry.get(id) as { conversationId: string; occurredAt: number } | undefined;
      if (seen) {
        rollup.markRead(seen.conversationId, seen.occurredAt);
        touched.add(seen.conversationId);
      }
    }
    for (const uid of batch.removedUids ?? []) {
      const removed = markRemoved.get({ now: Date.now(), accountId: batch.accountId, path: batch.checkpoint.path, uid }) as
        | { conversationId: string | null }
        | undefined;
      if (removed?.conversationId) touched.add(removed.conversationId);
    }
    saveFolderCheckpoint(store.db, batch.checkpoint);
    const added = outcomes.filter((o) => o.status === 'added').length;
    return { added, duplicates: outcomes.length - added, conversationIds: [...touched] };
  });

  return { commit };
}

export type EmailSink = ReturnType<typeof createEmailSink>;
