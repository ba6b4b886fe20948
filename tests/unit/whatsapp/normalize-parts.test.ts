import { describe, expect, it } from 'vitest';
import { candidateIds, customerIdentities } from '../../../src-main/channels/whatsapp/normalize/address';
import { readContent } from '../../../src-main/channels/whatsapp/normalize/content';
import { normalizeJid, phoneOfJid } from '../../../src-main/channels/whatsapp/normalize/jid';
import { normalizeMessage } from '../../../src-main/channels/whatsapp/normalize/normalize-upsert';
import { deliveryStatusOf } from '../../../src-main/channels/whatsapp/normalize/status';
import { longToNumber, secondsToMillis } from '../../../src-main/channels/whatsapp/normalize/timestamp';

describe('WhatsApp addresses', () => {
  it('drops device suffixes and renames the legacy c.us server', () => {
    expect(normalizeJid('15550100003:12@s.whatsapp.net')).toBe('15550100003@s.whatsapp.net');
    expect(normalizeJid('15550100003@c.us')).toBe('15550100003@s.whatsapp.net');
    expect(normalizeJid('100000000000001:3@lid')).toBe('100000000000001@lid');
    expect(normalizeJid('not a jid')).toBeNull();
  });

  it('reads a phone number only from an unmasked phone-number JID', () => {
    expect(phoneOfJid('15550100003@s.whatsapp.net')).toBe('+15550100003');
    expect(phoneOfJid('62****11**@s.whatsapp.net')).toBeNull();
    expect(phoneOfJid('100000000000001@lid')).toBeNull();
  });

  it('learns the phone number of a LID chat from remoteJidAlt (Baileys 7)', () => {
    const key = { remoteJid: '100000000000001@lid', remoteJidAlt: '15550100001:4@s.whatsapp.net', id: 'X1', fromMe: false };
    expect(customerIdentities(key)).toEqual([
      { kind: 'phone', value: '+15550100001' },
      { kind: 'whatsapp', value: '15550100001@s.whatsapp.net' },
      { kind: 'whatsapp', value: '100000000000001@lid' },
    ]);
    expect(candidateIds(key)).toEqual(['wa:100000000000001@lid:X1', 'wa:15550100001@s.whatsapp.net:X1']);
  });

  it('never offers a group message under a person’s address', () => {
    expect(candidateIds({ remoteJid: '1203@g.us', participant: '1555@s.whatsapp.net', participantAlt: '99@lid', id: 'G' })).toEqual(['wa:1203@g.us:G']);
  });
});

describe('WhatsApp numbers and statuses', () => {
  it('reads a uint64 as number, numeric string and Long, signed or not', () => {
    expect(longToNumber(1705846799)).toBe(1705846799);
    expect(longToNumber('1705846799')).toBe(1705846799);
    expect(longToNumber({ low: 1705846799, high: 0, unsigned: true })).toBe(1705846799);
    expect(longToNumber({ low: -1, high: 0, unsigned: true })).toBe(4294967295);
    expect(longToNumber({ low: 0, high: 1 })).toBe(4294967296);
    expect(longToNumber('12abc')).toBeNull();
    expect(secondsToMillis('0')).toBeNull();
  });

  it('maps WebMessageInfo.Status numbers and names alike', () => {
    expect([0, 1, 2, 3, 4, 5].map(deliveryStatusOf)).toEqual(['failed', 'sending', 'sent', 'delivered', 'read', 'played']);
    expect(['ERROR', 'PENDING', 'SERVER_ACK', 'DELIVERY_ACK', 'READ', 'PLAYED'].map(deliveryStatusOf)).toEqual(['failed', 'sending', 'sent', 'delivered', 'read', 'played']);
    expect(deliveryStatusOf(9)).toBeNull();
    expect(deliveryStatusOf(undefined)).toBeNull();
  });
});

describe('WhatsApp message content', () => {
  it('unwraps view-once and nested wrappers down to the media', () => {
    const content = { viewOnceMessageV2: { message: { ephemeralMessage: { message: { videoMessage: { mimetype: 'video/mp4', caption: 'look', fileLength: '2048' } } } } } };
    expect(readContent(content)).toEqual({
      text: 'look',
      attachments: [{ filename: 'video.mp4', contentType: 'video/mp4', size: 2048, sha256: null }],
      media: { kind: 'videoMessage', voiceNote: false },
    });
  });

  it('names a voice note and a sticker by their kind', () => {
    expect(readContent({ audioMessage: { mimetype: 'audio/ogg; codecs=opus', ptt: true, fileLength: 10 } })?.attachments[0]).toMatchObject({ filename: 'voice-note.ogg', contentType: 'audio/ogg' });
    expect(readContent({ stickerMessage: { mimetype: 'image/webp' } })?.attachments[0]).toMatchObject({ filename: 'sticker.webp' });
  });

  it('keeps a kind it cannot show as a line that names it', () => {
    expect(readContent({ locationMessage: { degreesLatitude: 1 } } as never)?.text).toBe('[WhatsApp location: open WhatsApp on the phone to see it]');
    expect(readContent({ messageContextInfo: {} } as never)).toBeNull();
  });

  it('stands in `now` for a missing timestamp', () => {
    const item = normalizeMessage({ key: { remoteJid: '15550100003@s.whatsapp.net', id: 'A', fromMe: false }, message: { conversation: 'hi' } }, 42_000);
    expect(item).toMatchObject({ type: 'entry', entry: { occurredAt: 42_000 } });
  });
});
