import { describe, expect, it } from 'vitest';
import { ingestInbound } from '../../../src-main/core/ingest/ingest-inbound';
import { normalizeEmail } from '../../../src-shared/identity/email';
import { normalizePhone } from '../../../src-shared/identity/phone';
import { inboundMessage } from '../../support/inbound';
import { openTestCore } from '../../support/test-core';
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
    const { core, rollup, inbox, workspaceId } = openTestCore(tempDir());
    const ingest = (m: Parameters<typeof ingestInbound>[3]) => core.store.db.transaction(() => ingestInbound(core.store.db, rollup, workspaceId, m));
    const first = ingest(inboundMessage([phone('(212) 555-0147'), email('Maria@Example.com')], { customer: { identities: [phone('(212) 555-0147'), email('Maria@Example.com')], displayName: 'Maria Gonzalez' } }));
    const sms = ingest(inboundMessage([phone('212.555.0147')], { body: 'Leaking again' }));
    const mail = ingest(inboundMessage([email('"Maria G." <MARIA@example.com>')], { id: 'email:abc', channel: 'email', subject: 'Photos' }));
    expect(first.status).toBe('added');
    const ids = [first, sms, mail].map((o) => (o.status === 'added' ? o.conversationId : null));
    expect(new Set(ids).size).toBe(1);
    const list = inbox.list(workspaceId, core.session.me.id, 'all', 50, null);
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({ contactName: 'Maria Gonzalez', unreadCount: 3, needsResponse: true, lastChannel: 'email' });
    core.close();
  });

  it('treats the same stable id arriving twice as a no-op', () => {
    const { core, rollup, inbox, workspaceId } = openTestCore(tempDir());
    const message = inboundMessage([phone('+13475550123')]);
    const run = () => core.store.db.transaction(() => ingestInbound(core.store.db, rollup, workspaceId, message));
    expect(run().status).toBe('added');
    expect(run()).toEqual({ status: 'duplicate' });
    const [row] = inbox.list(workspaceId, core.session.me.id, 'all', 50, null).rows;
    expect(row?.unreadCount).toBe(1);
    expect(core.store.sqlite.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 1 });
    core.close();
  });

  it('names an unknown sender by the number, and leaves the conversation unassigned', () => {
    const { core, rollup, inbox, workspaceId } = openTestCore(tempDir());
    core.store.db.transaction(() => ingestInbound(core.store.db, rollup, workspaceId, inboundMessage([phone('+12125550199')])));
    const list = inbox.list(workspaceId, core.session.me.id, 'unassigned', 50, null);
    expect(list.rows[0]?.contactName).toBe('+1 212 555 0199');
    expect(list.counts).toMatchObject({ all: 1, unassigned: 1, unread: 1, needs_response: 1, mine: 0 });
    core.close();
  });

  it('does not let an old message arriving late take over the preview or needs-response', () => {
    const { core, rollup, inbox, workspaceId } = openTestCore(tempDir());
    const who = [phone('+17185550133')];
    const ingest = (m: Parameters<typeof ingestInbound>[3]) => core.store.db.transaction(() => ingestInbound(core.store.db, rollup, workspaceId, m));
    ingest(inboundMessage(who, { body: 'newest reply from us', direction: 'outbound', deliveryStatus: 'sent', occurredAt: 2_000 }));
    ingest(inboundMessage(who, { body: 'old question', occurredAt: 1_000 }));
    const [row] = inbox.list(workspaceId, core.session.me.id, 'all', 50, null).rows;
    expect(row).toMatchObject({ preview: 'newest reply from us', needsResponse: false, lastDirection: 'outbound', lastAt: 2_000 });
    core.close();
  });

  it('moves the read mark only forward, and recounts unread from it', async () => {
    const { core, rollup, workspaceId, request } = openTestCore(tempDir());
    const who = [phone('+17185550164')];
    let conversationId = '';
    for (const at of [1_000, 2_000, 3_000]) {
      const outcome = core.store.db.transaction(() => ingestInbound(core.store.db, rollup, workspaceId, inboundMessage(who, { occurredAt: at })));
      if (outcome.status === 'added') conversationId = outcome.conversationId;
    }
    expect(await request('conversations.markRead', { conversationId, upTo: 2_000 })).toEqual({ unreadCount: 1 });
    expect(await request('conversations.markRead', { conversationId, upTo: 500 })).toEqual({ unreadCount: 1 });
    expect(await request('conversations.markRead', { conversationId, upTo: 3_000 })).toEqual({ unreadCount: 0 });
    core.close();
  });
});
