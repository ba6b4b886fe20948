import type { ConversationRollup } from '../conversations/conversation-rollup';
import { createEntryChanges } from '../entry-changes/apply-entry-changes';
import { createIngest } from '../ingest/ingest-inbound';
import type { Store } from '../store/open-store';
import type { GroupMessage, PendingStub, RawWhatsAppMessage, WhatsAppRecord } from './whatsapp-record';

export interface WhatsAppSinkResult {
  added: number;
  changed: number;
  /** Conversations the batch changed, for the inbox to refetch once it is committed. */
  conversationIds: string[];
}

/**
 * Where the WhatsApp channel hands what one socket event carried: new entries through the common
 * ingest, changes through entry-changes, groups into Other, stubs into the pending list, and each
 * message as delivered. One transaction per event, so a crash keeps all of it or none, and stable
 * ids make the replay after a reconnect harmless.
 */
export function createWhatsAppSink(store: Store, rollup: ConversationRollup, workspaceId: string) {
  const { sqlite } = store;
  const ingest = createIngest(store, rollup);
  const applyChanges = createEntryChanges(store, rollup);
  const keepRaw = sqlite.prepare(`
    INSERT INTO whatsapp_messages (id, workspace_id, key_id, message, stored_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET message = excluded.message, stored_at = excluded.stored_at`);
  const insertGroup = sqlite.prepare(`
    INSERT INTO other_whatsapp (id, workspace_id, chat_jid, sender_jid, sender_phone, sender_name, direction, body, occurred_at, attachments)
    VALUES (:id, :workspaceId, :chatJid, :senderJid, :senderPhone, :senderName, :direction, :body, :occurredAt, :attachments)
    ON CONFLICT (id) DO NOTHING`);
  const insertStub = sqlite.prepare(`
    INSERT INTO whatsapp_pending (id, workspace_id, chat_jid, key_id, occurred_at, reason)
    SELECT :id, :workspaceId, :chatJid, :keyId, :occurredAt, :reason
    WHERE NOT EXISTS (SELECT 1 FROM entries WHERE id = :id)
    ON CONFLICT (id) DO NOTHING`);
  const resolveStub = sqlite.prepare('DELETE FROM whatsapp_pending WHERE workspace_id = ? AND (id = ? OR key_id = ?)');

  const saveGroup = (message: GroupMessage) => insertGroup.run({ ...message, workspaceId, attachments: JSON.stringify(message.attachments) });
  const saveStub = (stub: PendingStub) => insertStub.run({ ...stub, workspaceId });

  return sqlite.transaction((records: readonly WhatsAppRecord[], raw: readonly RawWhatsAppMessage[] = [], now = Date.now()): WhatsAppSinkResult => {
    for (const message of raw) keepRaw.run(message.id, workspaceId, message.keyId, message.json, now);
    let added = 0;
    let changed = 0;
    const touched = new Set<string>();
    for (const record of records) {
      if (record.type === 'entry') {
        const [outcome] = ingest(workspaceId, [record.entry]);
        resolveStub.run(workspaceId, record.entry.id, record.keyId);
        if (outcome?.status === 'added') {
          added += 1;
          touched.add(outcome.conversationId);
        } else if (record.entry.direction === 'outbound') {
          // The same message again (a re-decrypt, our own echo): only its status may have moved on.
          const status = { kind: 'status' as const, targetIds: [record.entry.id], status: record.entry.deliveryStatus, at: record.entry.occurredAt };
          const result = applyChanges(workspaceId, [status]);
          changed += result.applied;
          result.conversationIds.forEach((id) => touched.add(id));
        }
      } else if (record.type === 'change') {
        const result = applyChanges(workspaceId, [record.change]);
        changed += result.applied;
        result.conversationIds.forEach((id) => touched.add(id));
      } else if (record.type === 'group') saveGroup(record.message);
      else saveStub(record.stub);
    }
    return { added, changed, conversationIds: [...touched] };
  });
}

export type WhatsAppSink = ReturnType<typeof createWhatsAppSink>;
