import { ulid } from 'ulid';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationDetail, ConversationList } from '../../../src-shared/api/requests';
import type { EmailHtml } from '../../../src-shared/api/email-display';
import { useTempDirs } from '../../support/temp-dir';
import { inboundMessage } from '../../support/inbound';
import type { NormalizedInbound } from '../../../src-shared/domain/inbound';
import { createIngest } from '../../../src-main/core/ingest/ingest-inbound';
import { createConversationRollup } from '../../../src-main/core/conversations/conversation-rollup';
import { createBlobStore } from '../../../src-main/core/blobs/blob-store';
import { insertEntry } from '../../../src-main/core/entries/entry-repo';
import { createEntryChanges } from '../../../src-main/core/entry-changes/apply-entry-changes';
import { moveOutboxItem } from '../../../src-main/core/outbox/outbox-repo';
import { outbox } from '../../../src-main/core/store/schema';
import { connectClient, TestServer, waitFor } from '../sync-server/harness';
import { monthsOf, placeCustomer } from '../../../src-shared/sync/workspace-doc';
import type { TimelineRecord } from '../../../src-shared/sync/timeline-doc';
import { inviteCode, newWorkspaceCode, sessionOf, TeamPc } from './team-pc';

const tempDir = useTempDirs();
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The shop PC ran alone first (with the sample data), then joined; the front desk joined fresh. */
async function team(): Promise<{ server: TestServer; shop: TeamPc; desk: TeamPc }> {
  const server = await TestServer.start();
  cleanups.push(() => server.stop());
  const shop = await TeamPc.join(tempDir(), server.url, newWorkspaceCode(server, 'acme'), 'Olga Owner', { demo: true });
  cleanups.push(() => shop.core.close());
  const ownerId = sessionOf(shop)!.me.id;
  const desk = await TeamPc.join(tempDir(), server.url, inviteCode(server, 'acme', ownerId), 'Frank Front');
  cleanups.push(() => desk.core.close());
  return { server, shop, desk };
}

function ingestOn(pc: TeamPc, inbound: NormalizedInbound) {
  return createIngest(pc.core.store, createConversationRollup(pc.core.store.sqlite))(pc.core.session.workspace.id, [inbound]);
}

function smsOn(pc: TeamPc, from: string, body: string, occurredAt: number) {
  const ingest = createIngest(pc.core.store, createConversationRollup(pc.core.store.sqlite));
  return ingest(pc.core.session.workspace.id, [inboundMessage([{ kind: 'phone', value: from }], { body, occurredAt })]);
}

const list = (pc: TeamPc) => pc.request<ConversationList>('conversations.list', { filter: 'all' });

describe('two PCs of one team', () => {
  it('see the members the server knows, each PC as its own member, and learn of members who join later', async () => {
    const { shop, desk } = await team();
    expect(sessionOf(shop)!.me.name).toBe('Olga Owner');
    expect(sessionOf(desk)!.me.name).toBe('Frank Front');
    expect(sessionOf(desk)!.members.map((m) => m.name).sort()).toEqual(['Frank Front', 'Olga Owner']);
    const names = async (pc: TeamPc) => (await pc.request<{ members: Array<{ name: string }> }>('session.get', {})).members.map((m) => m.name).sort();
    await waitFor(async () => (await names(shop)).includes('Frank Front'), 'the shop PC to list the member who joined after it');
  });

  it('name the workspace as its owner did, on every PC', async () => {
    const { shop, desk } = await team();
    expect(sessionOf(shop)!.workspace.name).toBe('Northside Plumbing & Heating');
    const nameOn = async (pc: TeamPc) => (await pc.request<{ workspace: { name: string } }>('session.get', {})).workspace.name;
    await waitFor(async () => (await nameOn(desk)) === 'Northside Plumbing & Heating', 'the desk PC to take the owner\'s workspace name');
  });

  it('show a customer message ingested on the shop PC in the same conversation on the front desk, with its notes and claim', async () => {
    const { shop, desk } = await team();
    const [outcome] = smsOn(shop, '+13125550188', 'Boiler is leaking again', Date.UTC(2026, 10, 20, 9));
    if (outcome?.status !== 'added') throw new Error('not ingested');
    const { conversationId } = outcome;

    await waitFor(async () => (await list(desk)).rows.find((c) => c.id === conversationId)?.preview === 'Boiler is leaking again', 'the message in the desk PC inbox', 10_000);
    const deskThread = await desk.request<ConversationDetail>('conversations.get', { conversationId });
    expect(deskThread.entries.map((e) => e.body)).toEqual(['Boiler is leaking again']);
    expect(deskThread.contact.identities.map((i) => i.value)).toEqual(['+13125550188']);

    await desk.request('notes.add', { conversationId, clientId: ulid(), body: 'Called back, coming at 3' });
    await desk.request('conversations.claim', { conversationId });
    const deskId = sessionOf(desk)!.me.id;
    await waitFor(async () => {
      const thread = await shop.request<ConversationDetail>('conversations.get', { conversationId });
      return thread.entries.some((e) => e.body === 'Called back, coming at 3');
    }, 'the note on the shop PC');
    await waitFor(async () => (await list(shop)).rows.find((c) => c.id === conversationId)?.assigneeId === deskId, 'the claim on the shop PC');
  });

  it('share what was read and what needs no reply, and a new message from the customer asks for a reply again', async () => {
    const { shop, desk } = await team();
    const at = Date.UTC(2026, 10, 21, 8);
    const [outcome] = smsOn(shop, '+13125550177', 'Thanks, all working now!', at);
    if (outcome?.status !== 'added') throw new Error('not ingested');
    const { conversationId } = outcome;
    const row = async (pc: TeamPc) => (await list(pc)).rows.find((c) => c.id === conversationId);
    await waitFor(async () => (await row(desk))?.needsResponse === true, 'the message on the desk PC');

    await desk.request('conversations.markRead', { conversationId, upTo: at });
    await desk.request('conversations.dismissNeedsResponse', { conversationId });
    await waitFor(async () => {
      const onShop = await row(shop);
      return onShop?.unreadCount === 0 && onShop.needsResponse === false;
    }, 'read and no-reply-needed on the shop PC');

    smsOn(shop, '+13125550177', 'Actually, one more question', at + 60_000);
    for (const pc of [shop, desk]) await waitFor(async () => (await row(pc))?.needsResponse === true, 'needs response again');
    expect((await row(desk))?.unreadCount).toBe(1);
  });

  it("count a customer's auto-reply as unread on every PC, but not as asking for a response", async () => {
    const { shop, desk } = await team();
    const at = Date.UTC(2026, 10, 21, 9);
    const dana = [{ kind: 'email' as const, value: 'dana@customer.test' }];
    const email = (id: string, body: string, minutes: number, more: Partial<NormalizedInbound> = {}) =>
      inboundMessage(dana, { id: `email:${id}`, channel: 'email', body, occurredAt: at + minutes * 60_000, ...more });
    const [outcome] = ingestOn(shop, email('question', 'Can you come on Tuesday?', 0));
    if (outcome?.status !== 'added') throw new Error('not ingested');
    ingestOn(shop, email('answer', 'Tuesday at 9 works.', 1, { direction: 'outbound', deliveryStatus: 'sent' }));
    const row = async (pc: TeamPc) => (await list(pc)).rows.find((c) => c.id === outcome.conversationId);

    ingestOn(shop, email('away', 'I am away until Monday.', 2, { autoReply: true }));
    for (const pc of [shop, desk]) {
      await waitFor(async () => (await row(pc))?.preview === 'I am away until Monday.', 'the auto-reply on both PCs');
      expect(await row(pc)).toMatchObject({ unreadCount: 2, needsResponse: false });
    }
  });

  it('keep a note append-only: an edit is a new version on every PC, the old text stays as history, and only the author edits', async () => {
    const { shop, desk } = await team();
    const [outcome] = smsOn(shop, '+13125550166', 'Can you quote a water heater?', Date.UTC(2026, 10, 21, 9));
    if (outcome?.status !== 'added') throw new Error('not ingested');
    const { conversationId } = outcome;
    await waitFor(async () => (await list(desk)).rows.some((c) => c.id === conversationId), 'the conversation on the desk PC');
    const note = await desk.request<{ id: string }>('notes.add', { conversationId, clientId: ulid(), body: 'Quote: $1,450' });
    await desk.request('notes.edit', { entryId: note.id, body: 'Quote: $1,380 (returning customer)' });

    await waitFor(async () => {
      const thread = await shop.request<ConversationDetail>('conversations.get', { conversationId });
      return thread.entries.some((e) => e.body === 'Quote: $1,380 (returning customer)' && e.editedAt !== undefined);
    }, 'the new version on the shop PC');
    const history = await shop.request<Array<{ body: string; reason: string }>>('entries.revisions', { entryId: note.id });
    expect(history.map((r) => [r.reason, r.body])).toEqual([['edit', 'Quote: $1,450']]);
    await expect(shop.request('notes.edit', { entryId: note.id, body: 'Quote: $99' })).rejects.toThrow(/Only the person who wrote a note/);
  });

  it('resolve claims made on both PCs while the server was down to one owner, and tell the other who won', async () => {
    const { server, shop, desk } = await team();
    const [outcome] = smsOn(shop, '+13125550155', 'Furnace making a banging noise', Date.UTC(2026, 10, 21, 10));
    if (outcome?.status !== 'added') throw new Error('not ingested');
    const { conversationId } = outcome;
    await waitFor(async () => (await list(desk)).rows.some((c) => c.id === conversationId), 'the conversation on the desk PC');

    await server.pause();
    for (const pc of [shop, desk]) {
      expect(await pc.request('conversations.claim', { conversationId })).toEqual({ ownerId: null, pending: true });
      expect((await pc.request<ConversationDetail>('conversations.get', { conversationId })).claim).toEqual({ pendingMine: true, lostTo: null });
    }
    await server.resume();

    const detail = (pc: TeamPc) => pc.request<ConversationDetail>('conversations.get', { conversationId });
    await waitFor(async () => {
      const [a, b] = [await detail(shop), await detail(desk)];
      return a.conversation.assigneeId !== null && a.conversation.assigneeId === b.conversation.assigneeId && !a.claim.pendingMine && !b.claim.pendingMine;
    }, 'one owner on both PCs', 15_000);
    const owner = (await detail(shop)).conversation.assigneeId;
    const [winner, loser] = owner === sessionOf(shop)!.me.id ? [shop, desk] : [desk, shop];
    expect((await detail(winner)).claim.lostTo).toBeNull();
    expect((await detail(loser)).claim.lostTo).toBe(owner);
  });

  it('share a file one PC stored with the others through the server, fetched when someone opens it', async () => {
    const { shop, desk } = await team();
    const photo = Buffer.from('a photo of the leaking valve '.repeat(200));
    const sha256 = await createBlobStore(shop.dataDir).put(photo);
    const ingest = createIngest(shop.core.store, createConversationRollup(shop.core.store.sqlite));
    const attachment = { filename: 'valve.jpg', contentType: 'image/jpeg', size: photo.length, sha256 };
    const [outcome] = ingest(shop.core.session.workspace.id, [
      inboundMessage([{ kind: 'phone', value: '+13125550144' }], { body: 'Here is the valve', attachments: [attachment], occurredAt: Date.UTC(2026, 10, 21, 11) }),
    ]);
    if (outcome?.status !== 'added') throw new Error('not ingested');
    const entryId = (await shop.request<ConversationDetail>('conversations.get', { conversationId: outcome.conversationId })).entries[0]!.id;
    await waitFor(async () => (await list(desk)).rows.some((c) => c.id === outcome.conversationId), 'the message on the desk PC');

    let opened: { filename: string; data: string } | null = null;
    await waitFor(async () => {
      opened = await desk.request<{ filename: string; data: string }>('attachments.read', { entryId, sha256 }).catch(() => null);
      return opened !== null;
    }, 'the file on the desk PC');
    expect(opened!.filename).toBe('valve.jpg');
    expect(Buffer.from(opened!.data, 'base64').equals(photo)).toBe(true);
  });

  it("show an email's HTML, sender, invitation and auto-reply flag on every PC, not only on the channel host", async () => {
    const { shop, desk } = await team();
    const html = '<p>Photo of the <b>leak</b>:</p><img src="cid:leak@customer.test">';
    const blobs = createBlobStore(shop.dataDir);
    const htmlSha256 = await blobs.put(Buffer.from(html));
    const pixel = Buffer.from('a tiny picture of the leak');
    const pixelSha256 = await blobs.put(pixel);
    const calendar = { method: 'REQUEST', summary: 'Leak check', start: '2026-11-25T14:00:00Z', end: null, allDay: false, location: null, organizer: null };
    const [outcome] = ingestOn(
      shop,
      inboundMessage([{ kind: 'email', value: 'dana@customer.test' }], {
        id: 'email:dana-photo',
        channel: 'email',
        body: 'Photo of the leak:',
        occurredAt: Date.UTC(2026, 10, 21, 10),
        attachments: [{ filename: 'leak.png', contentType: 'image/png', size: pixel.length, sha256: pixelSha256, contentId: 'leak@customer.test' }],
        autoReply: true,
        email: { htmlSha256, from: 'dana@customer.test', calendar },
      }),
    );
    if (outcome?.status !== 'added') throw new Error('not ingested');
    await waitFor(async () => (await list(desk)).rows.some((c) => c.id === outcome.conversationId), 'the email on the desk PC');

    let shown: EmailHtml | null = null;
    await waitFor(async () => {
      shown = await desk.request<EmailHtml>('email.html', { entryId: 'email:dana-photo' });
      return shown.html !== null;
    }, "the email's HTML on the desk PC");
    expect(shown).toEqual({
      html,
      remoteContentAllowed: false,
      sender: 'dana@customer.test',
      inlineImages: { 'leak@customer.test': `data:image/png;base64,${pixel.toString('base64')}` },
      autoReply: true,
      calendar,
      removed: null,
    });
  });

  it('show the channel host\'s sending, failure and retry of a message on the other PCs', async () => {
    const { shop, desk } = await team();
    const [outcome] = smsOn(shop, '+13125550133', 'Can you send the invoice by email?', Date.UTC(2026, 10, 21, 12));
    if (outcome?.status !== 'added') throw new Error('not ingested');
    const { conversationId } = outcome;
    const { store } = shop.core;
    const contactId = store.sqlite.prepare('SELECT contact_id FROM conversations WHERE id = ?').pluck().get(conversationId) as string;
    const entryId = 'email:invoice-1042';
    store.sqlite.transaction(() => {
      insertEntry(store.db, {
        id: entryId, workspaceId: shop.core.session.workspace.id, conversationId, originContactId: contactId, kind: 'message', channel: 'email',
        direction: 'outbound', authorMemberId: sessionOf(shop)!.me.id, subject: 'Invoice 1042', body: 'Attached.', occurredAt: Date.UTC(2026, 10, 21, 13),
        deliveryStatus: 'queued', attachments: [],
      });
      store.db.insert(outbox).values({
        id: ulid(), workspaceId: shop.core.session.workspace.id, channel: 'email', conversationId, entryId, authorMemberId: sessionOf(shop)!.me.id,
        payload: { to: [], subject: 'Invoice 1042', text: 'Attached.', messageId: '<invoice-1042@shop.test>', inReplyTo: null, references: [], attachments: [] } as never,
        state: 'queued', createdAt: 1, updatedAt: 1,
      }).run();
    })();
    const itemId = store.sqlite.prepare('SELECT id FROM outbox WHERE entry_id = ?').pluck().get(entryId) as string;
    const statusOnDesk = async () =>
      (await desk.request<ConversationDetail>('conversations.get', { conversationId }).catch(() => null))?.entries.find((e) => e.id === entryId)?.deliveryStatus;

    await waitFor(async () => (await statusOnDesk()) === 'queued', 'the queued email on the desk PC');
    moveOutboxItem(store.db, itemId, 'queued', 'sending');
    moveOutboxItem(store.db, itemId, 'sending', 'failed', { lastError: '550 mailbox unavailable' });
    await waitFor(async () => (await statusOnDesk()) === 'failed', 'the failure on the desk PC');
    moveOutboxItem(store.db, itemId, 'failed', 'queued');
    moveOutboxItem(store.db, itemId, 'queued', 'sending');
    moveOutboxItem(store.db, itemId, 'sending', 'sent');
    await waitFor(async () => (await statusOnDesk()) === 'sent', 'the retried email sent, on the desk PC');
  });

  it('keep what a laptop did offline across its restart, and merge it on every PC when the server is back', async () => {
    const { server, shop, desk: laptop } = await team();
    const [outcome] = smsOn(shop, '+13125550122', 'Is Saturday possible?', Date.UTC(2026, 10, 21, 14));
    if (outcome?.status !== 'added') throw new Error('not ingested');
    const { conversationId } = outcome;
    await waitFor(async () => (await list(laptop)).rows.some((c) => c.id === conversationId), 'the conversation on the laptop');

    await server.pause();
    await laptop.request('notes.add', { conversationId, clientId: ulid(), body: 'Written on the road, offline' });
    await laptop.request('conversations.claim', { conversationId });
    laptop.restart();
    const thread = await laptop.request<ConversationDetail>('conversations.get', { conversationId });
    expect(thread.entries.map((e) => e.body)).toContain('Written on the road, offline');
    expect(thread.claim.pendingMine).toBe(true);

    await server.resume();
    const laptopId = sessionOf(laptop)!.me.id;
    for (const pc of [shop, laptop]) {
      await waitFor(async () => {
        const detail = await pc.request<ConversationDetail>('conversations.get', { conversationId });
        return detail.entries.some((e) => e.body === 'Written on the road, offline') && detail.conversation.assigneeId === laptopId;
      }, 'the note and the claim everywhere', 15_000);
    }
  });

  it('hand an email written on the front desk to the channel host through the shared outbox, and show its sending there', async () => {
    const { shop, desk } = await team();
    const [outcome] = ingestOn(shop, inboundMessage([{ kind: 'email', value: 'dana@customer.test' }], { channel: 'email', id: 'email:from-dana', body: 'Quote please', occurredAt: Date.UTC(2026, 10, 21, 15) }));
    if (outcome?.status !== 'added') throw new Error('not ingested');
    const { conversationId } = outcome;
    await waitFor(async () => (await list(desk)).rows.some((c) => c.id === conversationId), 'the conversation on the desk PC');
    await waitFor(async () => (await desk.request<ConversationDetail>('conversations.get', { conversationId })).contact.identities.length > 0, 'the address on the desk PC');

    const clientId = ulid();
    const written = await desk.request<{ id: string; deliveryStatus: string }>('email.send', { conversationId, clientId, subject: 'Your quote', body: 'It is $1,380.' });
    expect(written.deliveryStatus).toBe('queued');
    const queuedOnShop = () => shop.core.store.sqlite.prepare('SELECT state, payload FROM outbox WHERE id = ?').get(clientId) as { state: string; payload: string } | undefined;
    await waitFor(() => queuedOnShop()?.state === 'queued', 'the item in the channel host queue');
    expect(JSON.parse(queuedOnShop()!.payload)).toMatchObject({ subject: 'Your quote', text: 'It is $1,380.', to: [{ address: 'dana@customer.test' }] });

    moveOutboxItem(shop.core.store.db, clientId, 'queued', 'sending');
    moveOutboxItem(shop.core.store.db, clientId, 'sending', 'sent');
    await waitFor(async () => {
      const entry = (await desk.request<ConversationDetail>('conversations.get', { conversationId })).entries.find((e) => e.id === written.id);
      return entry?.deliveryStatus === 'sent' && entry.outbox?.state === 'sent';
    }, 'sent, on the desk PC');
  });

  it('show reactions, edits and deletes a channel reported on one PC on the others', async () => {
    const { shop, desk } = await team();
    const at = Date.UTC(2026, 10, 21, 16);
    const id = 'wa:13125550111@s.whatsapp.net:3EB0AAA';
    const [outcome] = ingestOn(shop, inboundMessage([{ kind: 'phone', value: '+13125550111' }], { id, channel: 'whatsapp', body: 'Tuesday at 9?', occurredAt: at }));
    if (outcome?.status !== 'added') throw new Error('not ingested');
    const apply = createEntryChanges(shop.core.store, createConversationRollup(shop.core.store.sqlite));
    apply(shop.core.session.workspace.id, [
      { kind: 'reaction', targetIds: [id], by: 'me', emoji: '👍', at: at + 1000 },
      { kind: 'edit', targetIds: [id], body: 'Tuesday at 10?', at: at + 2000 },
    ]);
    const entryOnDesk = async () =>
      (await desk.request<ConversationDetail>('conversations.get', { conversationId: outcome.conversationId }).catch(() => null))?.entries.find((e) => e.id === id);
    await waitFor(async () => {
      const entry = await entryOnDesk();
      return entry?.body === 'Tuesday at 10?' && entry.reactions?.[0]?.emoji === '👍';
    }, 'the reaction and the edit on the desk PC');
    apply(shop.core.session.workspace.id, [{ kind: 'revoke', targetIds: [id], at: at + 3000 }]);
    await waitFor(async () => (await entryOnDesk())?.deletedAt !== undefined, 'the delete on the desk PC');
    const history = await desk.request<Array<{ reason: string; body: string }>>('entries.revisions', { entryId: id });
    expect(history.map((r) => [r.reason, r.body])).toEqual([['edit', 'Tuesday at 9?'], ['revoke', 'Tuesday at 10?']]);
  });

  it('update a call on every PC as the server rewrites it with later callbacks (answered, then voicemail)', async () => {
    const { server, shop, desk } = await team();
    const writer = connectClient(server, 'ws/acme/t/2026-11', (await server.redeem(inviteCode(server, 'acme', sessionOf(shop)!.me.id), 'Webhook')).token);
    cleanups.push(() => writer.destroy());
    await writer.synced();
    const wsWriter = connectClient(server, 'ws/acme', (await server.redeem(inviteCode(server, 'acme', sessionOf(shop)!.me.id), 'Webhook 2')).token);
    cleanups.push(() => wsWriter.destroy());
    await wsWriter.synced();
    const at = Date.UTC(2026, 10, 21, 17);
    const placement = placeCustomer(wsWriter.doc, { identities: [{ kind: 'phone', value: '+13125550199' }], displayName: null }, at, '(312) 555-0199');
    wsWriter.doc.transact(() => monthsOf(wsWriter.doc).set('2026-11', true));
    const call = (outcome: 'missed' | 'voicemail', body: string, transcription: string | null): TimelineRecord => ({
      id: 'call:CA123', conversationId: placement.conversationId, contactId: placement.contactId, kind: 'call', channel: 'voice', direction: 'inbound',
      authorMemberId: null, subject: null, body, occurredAt: at, deliveryStatus: 'received', attachments: [],
      call: { durationSec: outcome === 'voicemail' ? 21 : 0, outcome, recordingUrl: null, transcription },
    });
    writer.doc.getMap<TimelineRecord>('entries').set('call:CA123', call('missed', 'Missed call', null));
    const onDesk = async () =>
      (await desk.request<ConversationDetail>('conversations.get', { conversationId: placement.conversationId }).catch(() => null))?.entries.find((e) => e.id === 'call:CA123');
    await waitFor(async () => (await onDesk())?.call?.outcome === 'missed', 'the missed call on the desk PC');
    writer.doc.getMap<TimelineRecord>('entries').set('call:CA123', call('voicemail', 'Voicemail: please call me back', 'Please call me back'));
    await waitFor(async () => (await onDesk())?.call?.transcription === 'Please call me back', 'the voicemail on the desk PC');
    expect((await list(desk)).rows.find((c) => c.id === placement.conversationId)?.preview).toContain('call me back');
  });

  it('fill a newly joined PC newest month first', async () => {
    const { server, shop } = await team();
    for (const [month, number] of [[8, '+13125550181'], [9, '+13125550182'], [10, '+13125550183']] as const) {
      smsOn(shop, number, `Message of month ${month + 1}`, Date.UTC(2026, month, 15));
    }
    await waitFor(() => server.storedRows('ws/acme/t/2026-09').length > 0, 'the oldest month on the server');
    const laptop = await TeamPc.join(tempDir(), server.url, inviteCode(server, 'acme', sessionOf(shop)!.me.id), 'Lee Laptop');
    cleanups.push(() => laptop.core.close());
    const firstRow = (room: string) => laptop.core.store.sqlite.prepare('SELECT min(seq) FROM doc_updates WHERE room = ?').pluck().get(room) as number | null;
    await waitFor(() => firstRow('ws/acme/t/2026-09') !== null, 'the oldest month on the laptop');
    const order = ['2026-11', '2026-10', '2026-09'].map((month) => firstRow(`ws/acme/t/${month}`) ?? Infinity);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('keep a missed call unread until someone resolves it, and move a call to the right customer with its reason, on every PC', async () => {
    const { shop, desk } = await team();
    const at = Date.UTC(2026, 10, 21, 18);
    const callFrom = (number: string, id: string, outcome: 'missed' | 'answered', when: number) =>
      ingestOn(shop, inboundMessage([{ kind: 'phone', value: number }], {
        id, channel: 'voice', kind: 'call', body: outcome === 'missed' ? 'Missed call' : 'Call', occurredAt: when,
        call: { durationSec: outcome === 'missed' ? 0 : 95, outcome, recordingUrl: null, transcription: null, from: number, to: '+13125550100' },
      }))[0];
    const missed = callFrom('+13125550171', 'call:CAmissed', 'missed', at);
    if (missed?.status !== 'added') throw new Error('not ingested');
    const row = async (pc: TeamPc, id: string) => (await list(pc)).rows.find((c) => c.id === id);
    await waitFor(async () => (await row(desk, missed.conversationId))?.lastChannel === 'voice', 'the missed call on the desk PC');

    await desk.request('conversations.markRead', { conversationId: missed.conversationId, upTo: at + 60_000 });
    expect((await row(desk, missed.conversationId))?.unreadCount).toBe(1);
    await desk.request('calls.resolve', { entryId: 'call:CAmissed' });
    await desk.request('conversations.markRead', { conversationId: missed.conversationId, upTo: at + 60_000 });
    expect((await row(desk, missed.conversationId))?.unreadCount).toBe(0);
    await waitFor(async () => {
      await shop.request('conversations.markRead', { conversationId: missed.conversationId, upTo: at + 60_000 });
      return (await row(shop, missed.conversationId))?.unreadCount === 0;
    }, 'the call resolved on the shop PC too');

    const wrong = callFrom('+13125550172', 'call:CAwife', 'answered', at + 1000);
    if (wrong?.status !== 'added') throw new Error('not ingested');
    await waitFor(async () => (await row(desk, wrong.conversationId))?.lastChannel === 'voice', 'the second call on the desk PC');
    const rightContact = (await desk.request<ConversationDetail>('conversations.get', { conversationId: missed.conversationId })).contact.id;
    await desk.request('calls.move', { entryId: 'call:CAwife', toContactId: rightContact, reason: 'His wife called from her phone' });
    await waitFor(async () => {
      const detail = await shop.request<ConversationDetail>('conversations.get', { conversationId: missed.conversationId });
      return detail.entries.some((e) => e.id === 'call:CAwife') && detail.entries.some((e) => e.body.includes('His wife called from her phone'));
    }, 'the call in the right thread on the shop PC');
    const history = await shop.request<Array<{ reason: string; body: string }>>('entries.revisions', { entryId: 'call:CAwife' });
    expect(history.at(-1)).toMatchObject({ reason: 'move' });
    expect(history.at(-1)?.body).toContain('His wife called from her phone');

    const detached = await shop.request<{ conversationIds: string[] }>('calls.move', { entryId: 'call:CAwife', toContactId: null, reason: null });
    const ownThread = detached.conversationIds.find((id) => id !== missed.conversationId)!;
    await waitFor(async () => {
      const detail = await desk.request<ConversationDetail>('conversations.get', { conversationId: ownThread }).catch(() => null);
      return detail?.contact.displayName === 'Caller +13125550172' && detail.entries.some((e) => e.id === 'call:CAwife');
    }, 'the call in a thread of its own on the desk PC');
  });

  it('bring a PC that worked offline for long up to date, whatever the size, without an update over the server limit', async () => {
    const { server, shop, desk } = await team();
    await server.pause();
    const ingest = createIngest(shop.core.store, createConversationRollup(shop.core.store.sqlite));
    const body = 'Water everywhere under the boiler, please call back. '.repeat(40);
    const day = Date.UTC(2026, 10, 3);
    for (let batch = 0; batch < 12; batch++) {
      const messages = Array.from({ length: 100 }, (_, i) =>
        inboundMessage([{ kind: 'phone', value: `+1312555${String(1000 + batch * 100 + i).padStart(4, '0')}` }], { body, occurredAt: day + batch * 100 + i }),
      );
      ingest(shop.core.session.workspace.id, messages);
    }
    const stored = shop.core.store.sqlite.prepare("SELECT sum(length(\"update\")) AS bytes, max(length(\"update\")) AS largest FROM doc_updates WHERE room = 'ws/acme/t/2026-11'").get() as { bytes: number; largest: number };
    expect(stored.bytes).toBeGreaterThan(2 * 1024 * 1024);
    expect(stored.largest).toBeLessThan(1024 * 1024);

    await server.resume();
    const count = (pc: TeamPc) => (pc.core.store.sqlite.prepare("SELECT count(*) FROM entries WHERE body LIKE 'Water everywhere%'").pluck().get() as number);
    await waitFor(() => count(desk) === 1200, 'all 1,200 messages on the desk PC', 30_000);
    expect(server.storedDoc('ws/acme/t/2026-11').getMap('entries').size).toBeGreaterThanOrEqual(1200);
  }, 60_000);
});
