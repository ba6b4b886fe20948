import { describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../../src-shared/api/requests';
import { normalizeEvent } from '../../../src-main/channels/whatsapp/normalize/normalize-event';
import { normalizeMessage } from '../../../src-main/channels/whatsapp/normalize/normalize-upsert';
import { toRecords } from '../../../src-main/channels/whatsapp/normalize/to-records';
import { entryRevisions } from '../../../src-main/core/entry-changes/entry-revisions';
import { createWhatsAppSink } from '../../../src-main/core/whatsapp/whatsapp-sink';
import { inboundMessage } from '../../support/inbound';
import { openTestCore } from '../../support/test-core';
import { useTempDirs } from '../../support/temp-dir';
import { readWhatsAppFixture } from '../../support/whatsapp-corpus';

const tempDir = useTempDirs();
const NOW = 1_756_800_000_000;
const DANA = '15550100003@s.whatsapp.net';

/** Our own earlier messages to Dana, which the corpus's reactions and receipts refer to. */
function ourMessageTo(keyId: string, seconds: number) {
  return normalizeMessage({ key: { remoteJid: DANA, fromMe: true, id: keyId }, message: { conversation: `Reply ${keyId.slice(-2)}` }, messageTimestamp: seconds, status: 1 }, NOW);
}

function openReplay() {
  const test = openTestCore(tempDir());
  const sink = createWhatsAppSink(test.core.store, test.rollup, test.workspaceId);
  const replay = (...fixtureIds: string[]) => {
    for (const id of fixtureIds) {
      const fixture = readWhatsAppFixture(id);
      sink(toRecords(normalizeEvent(fixture.event, fixture.payload, NOW)));
    }
  };
  const sql = (query: string, ...params: unknown[]) => test.core.store.sqlite.prepare(query).all(...params);
  const entry = (id: string) => test.core.store.sqlite.prepare('SELECT body, delivery_status AS status, reactions, edited_at AS editedAt, deleted_at AS deletedAt FROM entries WHERE id = ?').get(id) as
    | { body: string; status: string; reactions: string; editedAt: number | null; deletedAt: number | null }
    | undefined;
  return { test, sink, replay, sql, entry };
}

describe('replaying the WhatsApp corpus into the store', () => {
  it('files Dana’s messages under the customer already known by phone, with reactions, edits, deletes and statuses', async () => {
    const { test, sink, replay, sql, entry } = openReplay();
    const revisions = (entryId: string) => entryRevisions(test.core.store.sqlite, entryId);
    const known = test.ingest(inboundMessage([{ kind: 'phone', value: '+15550100003' }], { body: 'Texted earlier', occurredAt: 1_756_699_000_000 }))!;
    replay('constructed-conversation-1to1', 'constructed-extended-text-link', 'constructed-image-with-caption', 'constructed-document-pdf', 'constructed-document-with-caption-wrapper');
    sink(toRecords(['01', '02', '03', '04', '05'].map((n, i) => ourMessageTo(`3EB0C0FFEE00000000${n}`, 1_756_700_210 + i))));

    replay('constructed-reaction-add', 'constructed-reaction-event');
    expect(JSON.parse(entry(`wa:${DANA}:3EB0C0FFEE0000000001`)!.reactions)).toEqual([{ by: DANA, emoji: '👍', at: 1756700259812 }]);
    replay('constructed-reaction-removed');
    expect(JSON.parse(entry(`wa:${DANA}:3EB0C0FFEE0000000001`)!.reactions)).toEqual([]);

    replay('constructed-edit-upsert', 'constructed-edit-update');
    expect(entry(`wa:${DANA}:3A1F00000000000000A1`)).toMatchObject({ body: 'Hi, the AC in unit 4B is leaking again. Can someone come tomorrow morning?', editedAt: 1756700399500 });
    expect(revisions(`wa:${DANA}:3A1F00000000000000A1`)).toEqual([
      { reason: 'edit', body: 'Hi, the AC in unit 4B is leaking again. Can someone come today?', attachments: [], replacedAt: 1756700399500 },
    ]);

    replay('constructed-revoke-update', 'constructed-revoke-update');
    expect(entry(`wa:${DANA}:3A1F00000000000000A2`)).toMatchObject({ body: '', deletedAt: NOW });
    expect(revisions(`wa:${DANA}:3A1F00000000000000A2`)).toEqual([
      { reason: 'revoke', body: 'Same model as this one https://example.com/ac-unit-x200', attachments: [], replacedAt: NOW },
    ]);
    expect(sql(`SELECT id FROM entries_fts JOIN entries ON entries.seq = entries_fts.rowid WHERE entries_fts MATCH 'x200'`)).toEqual([]);

    replay('constructed-status-sequence', 'constructed-status-out-of-order', 'constructed-status-skips-server-ack', 'constructed-status-played-and-error');
    const statuses = sql(`SELECT substr(id, -2) AS n, delivery_status AS status FROM entries WHERE id LIKE 'wa:%3EB0C0FFEE%' ORDER BY id`);
    expect(statuses).toEqual([
      { n: '01', status: 'sending' },
      { n: '02', status: 'read' },
      { n: '03', status: 'delivered' },
      { n: '04', status: 'played' },
      { n: '05', status: 'failed' },
    ]);

    replay('constructed-ephemeral-wrapper', 'constructed-timestamp-long', 'real-update-empty-on-edit-or-revoke');
    const conversations = sql('SELECT id FROM conversations');
    expect(conversations).toEqual([{ id: known }]);
    const detail = await test.request<ConversationDetail>('conversations.get', { conversationId: known });
    expect(detail.entries.map((e) => [e.channel, e.direction, e.body])).toEqual([
      // The Long-timestamp fixture is from January 2024, older than the text.
      ['whatsapp', 'outbound', 'tes'],
      ['sms', 'inbound', 'Texted earlier'],
      ['whatsapp', 'inbound', 'Hi, the AC in unit 4B is leaking again. Can someone come tomorrow morning?'],
      ['whatsapp', 'inbound', ''],
      ['whatsapp', 'inbound', 'Water under the indoor unit 💧'],
      ['whatsapp', 'inbound', ''],
      ['whatsapp', 'inbound', "Here is last month's invoice"],
      ['whatsapp', 'outbound', 'Reply 01'],
      ['whatsapp', 'outbound', 'Reply 02'],
      ['whatsapp', 'outbound', 'Reply 03'],
      ['whatsapp', 'outbound', 'Reply 04'],
      ['whatsapp', 'outbound', 'Reply 05'],
      ['whatsapp', 'inbound', 'Gate code is 4512#'],
    ]);
    expect(sql(`SELECT kind, value FROM identities ORDER BY kind`)).toEqual([
      { kind: 'phone', value: '+15550100003' },
      { kind: 'whatsapp', value: DANA },
    ]);
    test.core.close();
  });

  it('keeps groups in Other, out of customer conversations, and searchable', () => {
    const { test, replay, sql } = openReplay();
    replay('real-group-reply-lid', 'real-group-image-no-caption', 'real-group-revoke', 'constructed-group-receipts');
    expect(sql('SELECT count(*) AS n FROM conversations')).toEqual([{ n: 0 }]);
    expect(sql('SELECT chat_jid AS chat, sender_name AS name, body FROM other_whatsapp ORDER BY occurred_at')).toEqual([
      { chat: '120363039697526678@g.us', name: null, body: '' },
      { chat: '120363163341782618@g.us', name: 'Ryujin', body: 'woila' },
    ]);
    expect(sql(`SELECT body FROM other_whatsapp_fts WHERE other_whatsapp_fts MATCH 'woila'`)).toEqual([{ body: 'woila' }]);
    test.core.close();
  });

  it('replaces a CIPHERTEXT stub by the resent content, learns the LID, and never lowers READ', async () => {
    const { test, replay, sql } = openReplay();
    replay('real-log-lid-stub-resend-1', 'real-log-lid-stub-resend-2', 'real-log-lid-stub-resend-3');
    expect(sql('SELECT id, reason FROM whatsapp_pending')).toEqual([
      { id: 'wa:100000000000001@lid:5039831BE3DAE5C0EE183018363B5557', reason: 'No matching sessions found for message' },
    ]);
    const [conversation] = sql('SELECT id, unread_count AS unread FROM conversations') as Array<{ id: string; unread: number }>;
    // The stub is no message: it neither shows nor counts as unread.
    expect(conversation!.unread).toBe(1);

    replay('real-log-lid-stub-resend-4', 'real-log-lid-stub-resend-5', 'real-log-lid-stub-resend-6');
    expect(sql('SELECT count(*) AS n FROM whatsapp_pending')).toEqual([{ n: 0 }]);
    expect(sql('SELECT count(*) AS n FROM conversations')).toEqual([{ n: 1 }]);
    const detail = await test.request<ConversationDetail>('conversations.get', { conversationId: conversation!.id });
    expect(detail.entries.map((e) => [e.direction, e.body, e.deliveryStatus])).toEqual([
      ['inbound', 'Botcheck', 'received'],
      ['outbound', '_chatbot connection is active_', 'sending'],
      ['outbound', 'Hu', 'read'],
    ]);
    expect(sql(`SELECT kind, value FROM identities ORDER BY kind, value`)).toEqual([
      { kind: 'phone', value: '+15550100001' },
      { kind: 'whatsapp', value: '100000000000001@lid' },
      { kind: 'whatsapp', value: '15550100001@s.whatsapp.net' },
    ]);
    test.core.close();
  });
});
