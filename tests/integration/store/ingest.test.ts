import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../../src-shared/identity/email';
import { normalizePhone } from '../../../src-shared/identity/phone';
import { inboundMessage } from '../../support/inbound';
import { openTestCore } from '../../support/test-core';
import { createIngest as createIngestFor } from '../../../src-main/core/ingest/ingest-inbound';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

function phone(raw: string) {
  return { kind: 'phone' as const, value: normalizePhone(raw, 'US').e164 ?? raw };
}
function email(raw: string) {
  return { kind: 'email' as const, value: normalizeEmail(raw).address ?? raw };
}

describe('ingest', () => {
  it('puts an SMS from (212) 555-0147 and an email from the same contact in one conversation', () => {
    const { core, inbox, workspaceId, ingest } = openTestCore(tempDir());
    const maria = [phone('(212) 555-0147'), email('Maria@Example.com')];
    const first = ingest(inboundMessage(maria, { customer: { identities: maria, displayName: 'Maria Gonzalez' } }));
    const sms = ingest(inboundMessage([phone('212.555.0147')], { body: 'Leaking again' }));
    const mail = ingest(inboundMessage([email('"Maria G." <MARIA@example.com>')], { id: 'email:abc', channel: 'email', subject: 'Photos' }));
    expect(first).not.toBeNull();
    expect(new Set([first, sms, mail])).toEqual(new Set([first]));
    const list = inbox.list(workspaceId, core.session.me.id, 'all', 50, null);
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({ contactName: 'Maria Gonzalez', unreadCount: 3, needsResponse: true, lastChannel: 'email' });
    core.close();
  });

  it('treats the same stable id arriving twice as a no-op', () => {
    const { core, inbox, workspaceId, ingest } = openTestCore(tempDir());
    const message = inboundMessage([phone('+13475550123')]);
    expect(ingest(message)).not.toBeNull();
    expect(ingest(message)).toBeNull();
    const [row] = inbox.list(workspaceId, core.session.me.id, 'all', 50, null).rows;
    expect(row?.unreadCount).toBe(1);
    expect(core.store.sqlite.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 1 });
    core.close();
  });

  it('names an unknown sender by the number, and leaves the conversation unassigned', () => {
    const { core, inbox, workspaceId, ingest } = openTestCore(tempDir());
    ingest(inboundMessage([phone('+12125550199')]));
    const list = inbox.list(workspaceId, core.session.me.id, 'unassigned', 50, null);
    expect(list.rows[0]?.contactName).toBe('+1 212 555 0199');
    expect(list.counts).toMatchObject({ all: 1, unassigned: 1, unread: 1, needs_response: 1, mine: 0 });
    core.close();
  });

  it('does not let an old message arriving late take over the preview or needs-response', () => {
    const { core, inbox, workspaceId, ingest } = openTestCore(tempDir());
    const who = [phone('+17185550133')];
    ingest(inboundMessage(who, { body: 'newest reply from us', direction: 'outbound', deliveryStatus: 'sent', occurredAt: 2_000 }));
    ingest(inboundMessage(who, { body: 'old question', occurredAt: 1_000 }));
    const [row] = inbox.list(workspaceId, core.session.me.id, 'all', 50, null).rows;
    expect(row).toMatchObject({ preview: 'newest reply from us', needsResponse: false, lastDirection: 'outbound', lastAt: 2_000, unreadCount: 1 });
    ingest(inboundMessage(who, { body: 'new question', occurredAt: 3_000 }));
    expect(inbox.list(workspaceId, core.session.me.id, 'needs_response', 50, null).rows[0]).toMatchObject({ preview: 'new question', unreadCount: 2 });
    core.close();
  });

  it('folds a whole batch for one customer into the same row as one-by-one ingest would', () => {
    const { core, inbox, workspaceId, rollup } = openTestCore(tempDir());
    const who = [phone('+17185550177')];
    const batch = [
      inboundMessage(who, { body: 'second question', occurredAt: 2_000 }),
      inboundMessage(who, { body: 'our answer', direction: 'outbound', deliveryStatus: 'sent', occurredAt: 3_000 }),
      inboundMessage(who, { body: 'first question', occurredAt: 1_000 }),
      inboundMessage(who, { body: 'thanks!', occurredAt: 4_000 }),
    ];
    createIngestFor(core.store, rollup)(workspaceId, batch);
    const [row] = inbox.list(workspaceId, core.session.me.id, 'all', 50, null).rows;
    expect(row).toMatchObject({ preview: 'thanks!', lastAt: 4_000, unreadCount: 3, needsResponse: true, lastDirection: 'inbound' });
    expect(inbox.counts(workspaceId, core.session.me.id)).toMatchObject({ all: 1, unread: 1, needs_response: 1 });
    createIngestFor(core.store, rollup)(workspaceId, [inboundMessage(who, { body: 'on our way', direction: 'outbound', deliveryStatus: 'sent', occurredAt: 5_000 })]);
    expect(inbox.list(workspaceId, core.session.me.id, 'all', 50, null).rows[0]).toMatchObject({ needsResponse: false, unreadCount: 3 });
    core.close();
  });

  it("counts a customer's auto-reply as unread, but it neither asks for a response nor answers one", () => {
    const { core, inbox, workspaceId, ingest, rollup } = openTestCore(tempDir());
    const who = [email('dana@customer.test')];
    const conversationId = ingest(inboundMessage(who, { body: 'Can you come on Tuesday?', occurredAt: 1_000 }))!;
    ingest(inboundMessage(who, { body: 'Away until Monday.', occurredAt: 2_000, autoReply: true }));
    const row = () => inbox.list(workspaceId, core.session.me.id, 'all', 50, null).rows[0];
    expect(row()).toMatchObject({ preview: 'Away until Monday.', unreadCount: 2, needsResponse: true });

    ingest(inboundMessage(who, { body: 'Tuesday at 9 works.', direction: 'outbound', deliveryStatus: 'sent', occurredAt: 3_000 }));
    ingest(inboundMessage(who, { body: 'Away until Monday.', occurredAt: 4_000, autoReply: true }));
    expect(row()).toMatchObject({ preview: 'Away until Monday.', unreadCount: 3, needsResponse: false });
    rollup.recompute(conversationId);
    expect(row()).toMatchObject({ unreadCount: 3, needsResponse: false });
    expect(core.store.sqlite.prepare('SELECT count(*) FROM entries WHERE auto_reply').pluck().get()).toBe(2);
    core.close();
  });

  it('keeps the counts beside the list in step with every change', () => {
    const { core, inbox, workspaceId, ingest } = openTestCore(tempDir());
    const who = [phone('+17185550150')];
    ingest(inboundMessage(who, { occurredAt: 1_000 }));
    ingest(inboundMessage(who, { occurredAt: 2_000 }));
    expect(inbox.counts(workspaceId, core.session.me.id)).toMatchObject({ unread: 1, needs_response: 1 });
    ingest(inboundMessage(who, { direction: 'outbound', deliveryStatus: 'sent', occurredAt: 3_000 }));
    expect(inbox.counts(workspaceId, core.session.me.id)).toMatchObject({ unread: 1, needs_response: 0 });
    core.close();
  });

  it('files a whole batch in one transaction: a failure midway leaves none of it', () => {
    const { core, workspaceId, rollup } = openTestCore(tempDir());
    const ingestBatch = createIngestFor(core.store, rollup);
    const good = inboundMessage([phone('+17185550111')]);
    const bad = inboundMessage([phone('+17185550112')], { kind: 'bogus' as 'message' });
    core.store.sqlite.exec(`CREATE TRIGGER reject_bogus BEFORE INSERT ON entries WHEN new.kind = 'bogus' BEGIN SELECT raise(ABORT, 'bogus kind'); END`);
    expect(() => ingestBatch(workspaceId, [good, bad])).toThrow('bogus kind');
    expect(core.store.sqlite.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 0 });
    expect(core.store.sqlite.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 0 });
    core.close();
  });

  it('moves the read mark only forward, and recounts unread from it', async () => {
    const { core, request, ingest } = openTestCore(tempDir());
    const who = [phone('+17185550164')];
    let conversationId: string | null = null;
    for (const at of [1_000, 2_000, 3_000]) conversationId = ingest(inboundMessage(who, { occurredAt: at })) ?? conversationId;
    expect(await request('conversations.markRead', { conversationId, upTo: 2_000 })).toEqual({ unreadCount: 1 });
    expect(await request('conversations.markRead', { conversationId, upTo: 500 })).toEqual({ unreadCount: 1 });
    expect(await request('conversations.markRead', { conversationId, upTo: 3_000 })).toEqual({ unreadCount: 0 });
    core.close();
  });
});
