import * as baileys from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import type { ConversationDetail, ConversationList } from '../../../src-shared/api/requests';
import type { OtherWhatsAppPage } from '../../../src-shared/api/whatsapp-other';
import type { WhatsAppLink } from '../../../src-shared/domain/whatsapp-link';
import { useTempDirs } from '../../support/temp-dir';
import { waitFor } from '../email-sync/email-sync-harness';
import { readWhatsAppFixture } from '../../support/whatsapp-corpus';
import { openWhatsAppHost } from './whatsapp-host';

const tempDir = useTempDirs();
const DANA = '15550100003@s.whatsapp.net';

describe('the WhatsApp channel over a socket with Baileys’ event shapes', () => {
  it('links by QR code, then carries the fixture sequences into the inbox', async () => {
    const dir = tempDir();
    const host = openWhatsAppHost(dir);
    expect(await host.request<WhatsAppLink>('whatsapp.link.get')).toEqual({ state: 'not_linked', reason: null });
    expect(await host.request<WhatsAppLink>('whatsapp.link.start')).toEqual({ state: 'connecting', qr: null });
    expect(host.sockets.sockets).toHaveLength(1);

    host.sockets.latest().emit('connection.update', { qr: '2@first-code' });
    const first = await host.linkBecomes('connecting').then(() => waitFor(() => host.links.findLast((l) => l.state === 'connecting' && l.qr?.value === '2@first-code'), 3_000, 'the first QR'));
    host.sockets.latest().emit('connection.update', { qr: '2@rotated-code' });
    const rotated = await waitFor(() => host.links.findLast((l) => l.state === 'connecting' && l.qr?.value === '2@rotated-code'), 3_000, 'the rotated QR');
    const image = (link: WhatsAppLink) => (link.state === 'connecting' ? link.qr?.image ?? '' : '');
    expect(image(first)).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(image(first).split(',')[1]!, 'base64').toString()).toContain('<svg');
    expect(image(rotated)).not.toBe(image(first));

    const socket = host.sockets.latest();
    socket.options.auth.creds.me = { id: '15550100099:7@s.whatsapp.net', name: 'Cool Air HVAC' };
    socket.emit('creds.update', { me: socket.options.auth.creds.me });
    socket.open();
    expect(await host.linkBecomes('connected')).toEqual({ state: 'connected', phone: '+15550100099', name: 'Cool Air HVAC' });

    host.replay('constructed-conversation-1to1', 'constructed-image-with-caption', 'constructed-edit-upsert', 'constructed-edit-update', 'real-group-reply-lid');
    const list = await host.request<ConversationList>('conversations.list', {});
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({ contactName: 'Dana (tenant 4B)', lastChannel: 'whatsapp', unreadCount: 2 });
    const thread = await host.request<ConversationDetail>('conversations.get', { conversationId: list.rows[0]!.id });
    expect(thread.entries.map((e) => [e.channel, e.body])).toEqual([
      ['whatsapp', 'Hi, the AC in unit 4B is leaking again. Can someone come tomorrow morning?'],
      ['whatsapp', 'Water under the indoor unit 💧'],
    ]);
    expect(host.changed.flat()).toContain(list.rows[0]!.id);
    expect(host.count('SELECT count(*) FROM other_whatsapp')).toBe(1);
    const other = await host.request<OtherWhatsAppPage>('whatsapp.other.list', { query: 'woila' });
    expect(other.rows).toEqual([
      {
        id: 'wa:120363163341782618@g.us:13AD51EA1A5564BABC08DC183D39E64A',
        chatJid: '120363163341782618@g.us',
        senderJid: '2521****522@lid',
        senderName: 'Ryujin',
        senderPhone: null,
        direction: 'inbound',
        occurredAt: 1754122907000,
        snippet: '[[woila]]',
      },
    ]);
    expect((await host.request<OtherWhatsAppPage>('whatsapp.other.list', { query: 'AND OR "' })).rows).toEqual([]);

    // Baileys asks for a message back to retry it; the store answers with the message as delivered.
    const asked = await socket.options.getMessage({ remoteJid: `15550100003:4@s.whatsapp.net`, id: '3A1F00000000000000A1', fromMe: false });
    expect(asked?.conversation).toBe('Hi, the AC in unit 4B is leaking again. Can someone come today?');
    host.core.close();

    // Restarted, the core resumes the saved session without a QR code.
    const again = openWhatsAppHost(dir);
    await waitFor(() => again.sockets.sockets.length === 1, 3_000, 'the session to resume');
    expect(again.sockets.latest().options.auth.creds.me?.id).toBe('15550100099:7@s.whatsapp.net');
    again.core.close();
  });

  it('stores the recent history the phone sends on linking, groups apart, without fetching its media', async () => {
    const downloads: string[] = [];
    const downloadMediaMessage = (async (message: baileys.WAMessage) => {
      downloads.push(message.key.id!);
      return Buffer.from('bytes');
    }) as typeof baileys.downloadMediaMessage;
    const host = openWhatsAppHost(tempDir(), { ...baileys, downloadMediaMessage });
    await host.request('whatsapp.link.start');
    host.sockets.latest().open();
    const messagesOf = (id: string) => (readWhatsAppFixture(id).payload as { messages: never[] }).messages;
    const history = ['constructed-conversation-1to1', 'constructed-image-with-caption', 'constructed-timestamp-long', 'real-group-reply-lid'].flatMap(messagesOf);
    host.sockets.latest().emit('messaging-history.set', { chats: [], contacts: [], messages: history, isLatest: true });

    expect(host.count(`SELECT count(*) FROM entries WHERE channel = 'whatsapp'`)).toBe(3);
    expect(host.count('SELECT count(*) FROM other_whatsapp')).toBe(1);
    expect(host.count('SELECT count(*) FROM whatsapp_messages')).toBe(4);
    expect(host.count(`SELECT count(*) FROM entries WHERE attachments LIKE '%"sha256":null%'`)).toBe(1);
    // A live photo is fetched; the backlog's are not.
    host.replay('constructed-image-with-caption');
    await waitFor(() => downloads.length > 0, 3_000, 'the live download');
    expect(downloads).toEqual(['3A1F00000000000000A3']);
    host.core.close();
  });

  it('reconnects with backoff on 408 and 428, at once on 515, and says why when there is no network', async () => {
    const host = openWhatsAppHost(tempDir());
    await host.request('whatsapp.link.start');
    host.sockets.latest().open();
    const before = Date.now();
    host.sockets.latest().close(408);
    const lost = await host.linkBecomes('disconnected');
    expect(lost.reason).toBe('The connection to WhatsApp was lost or timed out.');
    expect(lost.retryAt - before).toBeGreaterThanOrEqual(1_000);
    expect(host.sockets.sockets).toHaveLength(1);
    await waitFor(() => host.sockets.sockets.length === 2, 3_000, 'the first reconnect');

    host.links.length = 0;
    host.sockets.latest().close(515);
    await waitFor(() => host.sockets.sockets.length === 3, 500, 'the restart');
    expect(host.links.some((l) => l.state === 'disconnected')).toBe(false);

    host.sockets.latest().close(null, 'getaddrinfo ENOTFOUND web.whatsapp.com');
    const offline = await host.linkBecomes('disconnected');
    expect(offline.reason).toMatch(/^WhatsApp cannot be reached from this PC \(no network or blocked: getaddrinfo ENOTFOUND/);
    // The second failure in a row waits twice as long.
    expect(offline.retryAt - Date.now()).toBeGreaterThan(1_500);
    const status = await host.request<{ state: string; lastError: { message: string } | null }>('whatsapp.link.get');
    expect(status).toMatchObject({ state: 'disconnected' });
    await host.request('whatsapp.link.remove');
    host.core.close();
  });

  it('stops and asks for a re-link on 440 (keeping the session) and on 401 (forgetting it)', async () => {
    const host = openWhatsAppHost(tempDir());
    await host.request('whatsapp.link.start');
    const socket = host.sockets.latest();
    socket.emit('creds.update', {});
    socket.open();
    socket.close(440);
    expect((await host.linkBecomes('logged_out')).reason).toMatch(/Another WhatsApp Web or desktop session took over/);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(host.sockets.sockets).toHaveLength(1);
    expect(host.count('SELECT count(*) FROM whatsapp_auth')).toBeGreaterThan(0);

    await host.request('whatsapp.link.start');
    host.sockets.latest().open();
    host.links.length = 0;
    host.sockets.latest().close(401);
    expect((await host.linkBecomes('logged_out')).reason).toMatch(/logged this PC out/);
    expect(host.count('SELECT count(*) FROM whatsapp_auth')).toBe(0);
    expect(await host.request<WhatsAppLink>('whatsapp.link.get')).toMatchObject({ state: 'logged_out' });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(host.sockets.sockets).toHaveLength(2);
    host.core.close();
  });
});
