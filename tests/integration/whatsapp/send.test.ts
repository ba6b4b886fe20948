import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { ConversationList } from '../../../src-shared/api/requests';
import type { TimelineEntry } from '../../../src-shared/domain/timeline';
import { createBlobStore } from '../../../src-main/core/blobs/blob-store';
import { useTempDirs } from '../../support/temp-dir';
import { waitFor } from '../email-sync/email-sync-harness';
import { openWhatsAppHost } from './whatsapp-host';

const tempDir = useTempDirs();
const DANA = '15550100003@s.whatsapp.net';

async function linkedWithDana(dir: string) {
  const host = openWhatsAppHost(dir);
  await host.request('whatsapp.link.start');
  host.sockets.latest().open();
  host.replay('constructed-conversation-1to1');
  const list = await host.request<ConversationList>('conversations.list', {});
  const entryState = (id: string) => host.core.store.sqlite.prepare('SELECT e.delivery_status AS entry, o.state AS item, o.last_error AS error FROM entries e JOIN outbox o ON o.entry_id = e.id WHERE e.id = ?').get(id) as { entry: string; item: string; error: string | null };
  return { ...host, conversationId: list.rows[0]!.id, entryState };
}

describe('sending on WhatsApp through the outbox', () => {
  it('keeps a message queued while disconnected, sends it when the link returns, then follows its receipts', async () => {
    const host = await linkedWithDana(tempDir());
    host.sockets.latest().close(408);
    await host.linkBecomes('disconnected');

    const input = { conversationId: host.conversationId, clientId: ulid(), body: 'We can come tomorrow at 9.' };
    const entry = await host.request<TimelineEntry>('whatsapp.send', input);
    expect(entry).toMatchObject({ channel: 'whatsapp', direction: 'outbound', body: 'We can come tomorrow at 9.', deliveryStatus: 'queued', outbox: { state: 'queued' } });
    expect(entry.id).toMatch(new RegExp(`^wa:${DANA}:3EB0[0-9A-F]{18}$`));
    expect(host.sockets.sockets[0]!.sent).toEqual([]);

    await waitFor(() => host.sockets.sockets.length === 2, 3_000, 'the reconnect');
    host.sockets.latest().open();
    await waitFor(() => host.entryState(entry.id).item === 'sent', 3_000, 'the send');
    const keyId = entry.id.split(':').at(-1)!;
    expect(host.sockets.latest().sent).toEqual([{ jid: DANA, content: { text: 'We can come tomorrow at 9.' }, options: { messageId: keyId } }]);

    // The phone echoes our message (status PENDING) and then reports receipts, in any order.
    host.sockets.latest().emit('messages.upsert', { type: 'append', messages: [{ key: { remoteJid: DANA, fromMe: true, id: keyId }, message: { conversation: 'We can come tomorrow at 9.' }, status: 1 }] });
    host.sockets.latest().emit('messages.update', [{ key: { remoteJid: `15550100003:12@s.whatsapp.net`, fromMe: true, id: keyId }, update: { status: 4 } }]);
    host.sockets.latest().emit('messages.update', [{ key: { remoteJid: DANA, fromMe: true, id: keyId }, update: { status: 3 } }]);
    expect(host.entryState(entry.id)).toEqual({ entry: 'read', item: 'read', error: null });
    expect(host.count(`SELECT count(*) FROM entries WHERE direction = 'outbound'`)).toBe(1);

    // The same draft submitted again is the same message, not a second one.
    expect((await host.request<TimelineEntry>('whatsapp.send', input)).id).toBe(entry.id);
    expect(host.count('SELECT count(*) FROM outbox')).toBe(1);
    host.core.close();
  });

  it('sends a file with its caption, and fails with WhatsApp’s reason until a person retries', async () => {
    const dir = tempDir();
    const host = await linkedWithDana(dir);
    const photo = Buffer.from('not really a jpeg, but bytes all the same');
    const sha256 = await createBlobStore(dir).put(photo);
    host.sockets.latest().failSends = 1;
    const entry = await host.request<TimelineEntry>('whatsapp.send', {
      conversationId: host.conversationId,
      clientId: ulid(),
      body: 'The new filter',
      attachments: [{ sha256, filename: 'filter.jpg', contentType: 'image/jpeg', size: photo.length }],
    });
    await waitFor(() => host.entryState(entry.id).item === 'failed', 3_000, 'the failure');
    expect(host.entryState(entry.id).error).toBe('WhatsApp did not take the message: Connection Closed');

    await host.request('outbox.retry', { itemId: entry.outbox!.itemId });
    await waitFor(() => host.entryState(entry.id).item === 'sent', 3_000, 'the retried send');
    const [sent] = host.sockets.latest().sent;
    expect(sent).toMatchObject({ jid: DANA, content: { image: { url: createBlobStore(dir).pathOf(sha256) }, caption: 'The new filter', mimetype: 'image/jpeg' } });
    host.core.close();
  });

  it('refuses a customer with no WhatsApp or phone number, and an empty message', async () => {
    const host = await linkedWithDana(tempDir());
    await expect(host.request('whatsapp.send', { conversationId: host.conversationId, clientId: ulid(), body: '   ' })).rejects.toThrow(/cannot be empty/);
    host.core.store.sqlite.prepare('DELETE FROM identities').run();
    await expect(host.request('whatsapp.send', { conversationId: host.conversationId, clientId: ulid(), body: 'Hello' })).rejects.toThrow(/Dana \(tenant 4B\) has no WhatsApp or phone number/);
    host.core.close();
  });
});
