import * as baileys from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import type { AttachmentContent } from '../../../src-shared/api/email-attachments';
import type { AttachmentMeta } from '../../../src-shared/domain/timeline';
import { useTempDirs } from '../../support/temp-dir';
import { waitFor } from '../email-sync/email-sync-harness';
import { openWhatsAppHost } from './whatsapp-host';

const tempDir = useTempDirs();
const DANA = '15550100003@s.whatsapp.net';
const PHOTO = Buffer.from('the decrypted bytes of Dana’s photo');

describe('WhatsApp media', () => {
  it('downloads a message’s media into the blob store after the message, and keeps a file it cannot fetch as a file without content', async () => {
    const asked: string[] = [];
    // Baileys' download decrypts from WhatsApp's CDN, which is not reachable here: the photo comes back,
    // the PDF's link has expired even after asking the phone to upload it again.
    const downloadMediaMessage = (async (message: baileys.WAMessage, _type: 'buffer', _options: unknown, context?: { reuploadRequest(m: baileys.WAMessage): Promise<baileys.WAMessage> }) => {
      asked.push(message.key.id!);
      if (message.message?.imageMessage) return PHOTO;
      await context?.reuploadRequest(message);
      throw new Error('Request failed with status code 410');
    }) as typeof baileys.downloadMediaMessage;
    const host = openWhatsAppHost(tempDir(), { ...baileys, downloadMediaMessage });
    await host.request('whatsapp.link.start');
    host.sockets.latest().open();
    host.replay('constructed-conversation-1to1', 'constructed-image-with-caption', 'constructed-document-pdf');

    const attachmentsOf = (keyId: string) =>
      JSON.parse(host.core.store.sqlite.prepare('SELECT attachments FROM entries WHERE id = ?').pluck().get(`wa:${DANA}:${keyId}`) as string) as AttachmentMeta[];
    const photo = await waitFor(() => attachmentsOf('3A1F00000000000000A3').find((file) => file.sha256 !== null), 3_000, 'the photo');
    expect(photo).toEqual({ filename: 'image.jpeg', contentType: 'image/jpeg', size: PHOTO.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const read = await host.request<AttachmentContent>('attachments.read', { entryId: `wa:${DANA}:3A1F00000000000000A3`, sha256: photo.sha256! });
    expect(Buffer.from(read.data, 'base64')).toEqual(PHOTO);

    await waitFor(() => asked.length === 2, 3_000, 'the PDF download attempt');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(attachmentsOf('3A1F00000000000000A4')).toEqual([{ filename: 'lease-4B.pdf', contentType: 'application/pdf', size: 182133, sha256: null }]);
    expect(host.sockets.latest().reuploads.map((m) => m.key.id)).toEqual(['3A1F00000000000000A4']);
    expect(asked).toEqual(['3A1F00000000000000A3', '3A1F00000000000000A4']);

    // Delivered again (a reconnect's replay): the stored photo is not fetched again; the PDF is tried again.
    host.replay('constructed-image-with-caption', 'constructed-document-pdf');
    await waitFor(() => asked.length === 3, 3_000, 'the second PDF attempt');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked).toEqual(['3A1F00000000000000A3', '3A1F00000000000000A4', '3A1F00000000000000A4']);
    host.core.close();
  });
});
