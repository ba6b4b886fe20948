import type Database from 'better-sqlite3';
import type * as Y from 'yjs';
import type { DeliveryStatus } from '../../../src-shared/domain/timeline';
import { contactsOf, dismissalsOf, identitiesOf, readContact, readMarksOf, type ContactRecord } from '../../../src-shared/sync/workspace-doc';
import { changesOf, entriesOf, statusesOf, type EntryChangeRecord, type StatusRecord, type TimelineRecord } from '../../../src-shared/sync/timeline-doc';
import { createEntryChanges } from '../entry-changes/apply-entry-changes';
import type { Store } from '../store/open-store';
import type { ConversationRollup } from '../conversations/conversation-rollup';
import { newId } from '../ids';
import { prepareThreadRows } from '../contacts/thread-rows';
import { entryParams, prepareEntryInsert } from '../entries/entry-insert';
import type { SharedDocs } from './shared-docs';
import { changedKeys } from './changed-keys';
import { fromChangeRecord } from './entry-change-records';
import { LOCAL_WRITE } from './shared-timeline';

/**
 * Brings what other PCs (and sync-server) wrote to the shared documents into the SQLite rows the
 * inbox reads: one document transaction becomes one set of row changes inside the SQLite transaction
 * the update arrived in (see `atomically` in sync-connection), so a crash never leaves an update
 * stored but not shown. This PC's own writes are in SQLite already and are passed over.
 */
export function materializeSharedDocs(
  store: Store,
  workspaceId: string,
  docs: SharedDocs,
  rollup: ConversationRollup,
  onChanged: (conversationIds: string[]) => void,
): () => void {
  const { sqlite } = store;
  const rows = prepareRows(sqlite);
  const ensureThread = prepareThreadRows(sqlite);
  const insertEntry = prepareEntryInsert(sqlite);
  const entryChanges = createEntryChanges(store, rollup);
  const stops: Array<() => void> = [];

  // The maps are defined before any update arrives: Yjs types first met in an update are placeholders,
  // replaced when first asked for, and a transaction names the placeholder rather than the map.
  const contacts = contactsOf(docs.workspace);
  const identities = identitiesOf(docs.workspace);
  const readMarks = readMarksOf(docs.workspace);
  const dismissals = dismissalsOf(docs.workspace);
  const ensureContact = (contactId: string, conversationId: string, at: number) => {
    const record = readContact(contacts.get(contactId));
    ensureThread(workspaceId, { contactId, conversationId: record?.conversationId ?? conversationId, displayName: record?.displayName, at: record?.createdAt ?? at });
  };

  const upsertContact = (record: ContactRecord) => {
    ensureThread(workspaceId, { contactId: record.id, conversationId: record.conversationId, displayName: record.displayName, at: record.createdAt });
    rows.describeContact.run({ id: record.id, displayName: record.displayName, company: record.company ?? null, address: record.address ?? null });
  };

  const onWorkspace = (transaction: Y.Transaction) => {
    if (transaction.origin === LOCAL_WRITE) return;
    for (const contactId of changedKeys(transaction, contacts)) {
      const record = readContact(contacts.get(contactId));
      if (record) upsertContact(record);
    }
    for (const key of changedKeys(transaction, identities)) {
      const contactId = identities.get(key);
      if (!contactId) continue;
      const record = readContact(contacts.get(contactId));
      if (record) upsertContact(record);
      const [kind, ...rest] = key.split(':');
      rows.upsertIdentity.run(newId('id'), workspaceId, contactId, kind, rest.join(':'));
    }
    const changed: string[] = [];
    for (const id of changedKeys(transaction, readMarks)) {
      if (rollup.markRead(id, readMarks.get(id) ?? 0) !== null) changed.push(id);
    }
    for (const id of changedKeys(transaction, dismissals)) {
      if (rollup.dismissNeedsResponse(id, dismissals.get(id) ?? 0)) changed.push(id);
    }
    if (changed.length > 0) onChanged(changed);
  };
  docs.workspace.on('afterTransaction', onWorkspace);
  stops.push(() => docs.workspace.off('afterTransaction', onWorkspace));

  stops.push(
    docs.onRoom((room, doc) => {
      if (room.kind !== 'timeline') return;
      const maps = { entries: entriesOf(doc), statuses: statusesOf(doc), changes: changesOf(doc) };
      const onMonth = (transaction: Y.Transaction) => {
        if (transaction.origin === LOCAL_WRITE) return;
        const changed = applyMonth(transaction, maps);
        if (changed.size > 0) onChanged([...changed]);
      };
      doc.on('afterTransaction', onMonth);
      stops.push(() => doc.off('afterTransaction', onMonth));
    }),
  );

  function applyMonth(transaction: Y.Transaction, { entries, statuses, changes }: MonthMaps): Set<string> {
    const changed = new Set<string>();
    const added: TimelineRecord[] = [];
    // A call's record is rewritten as its callbacks arrive (answered, then the voicemail and its
    // transcription); messages are written once and change only through the changes map.
    const recomputed = new Set<string>();
    for (const id of changedKeys(transaction, entries)) {
      const record = entries.get(id);
      if (!record) continue;
      ensureContact(record.contactId, record.conversationId, record.occurredAt);
      const conversationId = (rows.filingConversation.get(record.conversationId) as string | undefined) ?? record.conversationId;
      const status = statuses.get(id)?.status ?? record.deliveryStatus;
      const filed = { ...record, conversationId, deliveryStatus: status };
      if (insertEntry(workspaceId, filed)) {
        added.push(filed);
        changed.add(conversationId);
      } else if (record.kind === 'call' && rows.updateCall.run(entryParams(workspaceId, filed)).changes > 0) {
        recomputed.add(conversationId);
      }
    }
    rollup.applyEntries(added);
    for (const conversationId of recomputed) {
      rollup.recompute(conversationId);
      changed.add(conversationId);
    }
    const newChanges = changedKeys(transaction, changes).flatMap((id) => {
      const change = changes.get(id);
      return change ? [fromChangeRecord(change)] : [];
    });
    if (newChanges.length > 0) for (const id of entryChanges(workspaceId, newChanges).conversationIds) changed.add(id);
    for (const id of changedKeys(transaction, statuses)) {
      // The document already kept the right status (advanceStatus): the row takes it as it is.
      const next = statuses.get(id);
      const current = rows.entryStatus.get(id) as { status: DeliveryStatus | null; conversationId: string } | undefined;
      if (!next || !current || next.status === current.status) continue;
      rows.setStatus.run(next.status, id);
      changed.add(current.conversationId);
    }
    return changed;
  }

  return () => {
    for (const stop of stops.splice(0)) stop();
  };
}

interface MonthMaps {
  entries: Y.Map<TimelineRecord>;
  statuses: Y.Map<StatusRecord>;
  changes: Y.Map<EntryChangeRecord>;
}


function prepareRows(sqlite: Database.Database) {
  return {
    describeContact: sqlite.prepare(`
      UPDATE contacts SET display_name = :displayName, company = :company, address = :address
      WHERE id = :id AND (display_name, company, address) IS NOT (:displayName, :company, :address)`),
    upsertIdentity: sqlite.prepare(`
      INSERT INTO identities (id, workspace_id, contact_id, kind, value) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (workspace_id, kind, value) DO UPDATE SET contact_id = excluded.contact_id`),
    /** A conversation whose contact was merged files its entries with the survivor's. */
    filingConversation: sqlite
      .prepare(`
        SELECT s.id FROM conversations c JOIN contacts k ON k.id = c.contact_id
        JOIN conversations s ON s.contact_id = k.merged_into WHERE c.id = ?`)
      .pluck(),
    updateCall: sqlite.prepare(`
      UPDATE entries SET body = :body, attachments = :attachments, call_duration_sec = :callDurationSec, call_outcome = :callOutcome,
        call_recording_url = :callRecordingUrl, call_transcription = :callTranscription
      WHERE id = :id AND kind = 'call' AND (body, attachments, call_duration_sec, call_outcome, call_recording_url, call_transcription)
        IS NOT (:body, :attachments, :callDurationSec, :callOutcome, :callRecordingUrl, :callTranscription)`),
    entryStatus: sqlite.prepare('SELECT delivery_status AS status, conversation_id AS conversationId FROM entries WHERE id = ?'),
    setStatus: sqlite.prepare('UPDATE entries SET delivery_status = ? WHERE id = ?'),
  };
}
