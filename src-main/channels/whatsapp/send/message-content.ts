import type { AnyMessageContent } from '@whiskeysockets/baileys';
import type { OutboundWhatsApp } from '../../../core/whatsapp/outbound-whatsapp';

/**
 * What Baileys is asked to send: the text, or one file with the text as its caption. Files go as the
 * kind WhatsApp shows inline (image, video, audio) or as a document; Baileys reads them from the blob
 * store's path.
 */
export function messageContent(payload: OutboundWhatsApp, pathOf: (sha256: string) => string): AnyMessageContent {
  const file = payload.attachments[0];
  if (!file) return { text: payload.text };
  if (!file.sha256) throw new Error(`${file.filename} was never stored, so it cannot be sent`);
  const url = { url: pathOf(file.sha256) };
  const caption = payload.text === '' ? undefined : payload.text;
  const [kind] = file.contentType.split('/');
  if (kind === 'image' && file.contentType !== 'image/svg+xml') return { image: url, caption, mimetype: file.contentType };
  if (kind === 'video') return { video: url, caption, mimetype: file.contentType };
  if (kind === 'audio') return { audio: url, mimetype: file.contentType };
  return { document: url, caption, mimetype: file.contentType, fileName: file.filename };
}
