import type { AttachmentMeta } from '../../../../src-shared/domain/timeline';
import { longToNumber } from './timestamp';
import type { WaContent, WaMedia } from './wa-payload';

const WRAPPERS = [
  'ephemeralMessage',
  'viewOnceMessage',
  'viewOnceMessageV2',
  'viewOnceMessageV2Extension',
  'documentWithCaptionMessage',
  'editedMessage',
  'deviceSentMessage',
] as const;

const MEDIA_KINDS = ['imageMessage', 'videoMessage', 'audioMessage', 'documentMessage', 'stickerMessage'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** Fields that ride along with real content and are not content themselves. */
const NOT_CONTENT = new Set(['messageContextInfo', 'senderKeyDistributionMessage']);

/**
 * The message inside disappearing, view-once, captioned-document and device-sent wrappers, as
 * Baileys' `normalizeMessageContent` finds it; wrappers can nest.
 */
export function unwrapContent(content: WaContent | null | undefined): WaContent | null {
  let current = content ?? null;
  for (let depth = 0; current && depth < 5; depth++) {
    const wrapper = WRAPPERS.find((name) => current?.[name]?.message);
    if (!wrapper) return current;
    current = current[wrapper]!.message ?? null;
  }
  return current;
}

export interface ReadableContent {
  /** What a person reads, and what search finds: the text, or a media item's caption. */
  text: string;
  attachments: AttachmentMeta[];
  /** The media item the bytes can be downloaded for, if any. */
  media: { kind: MediaKind; voiceNote: boolean } | null;
}

/**
 * Text and media of a message, or null when it carries neither (a protocol message, a reaction, an
 * empty object). A kind this code does not know is kept as a line that names it, never dropped.
 */
export function readContent(content: WaContent | null | undefined): ReadableContent | null {
  const inner = unwrapContent(content);
  if (!inner) return null;
  if (typeof inner.conversation === 'string') return { text: inner.conversation, attachments: [], media: null };
  if (inner.extendedTextMessage) return { text: inner.extendedTextMessage.text ?? '', attachments: [], media: null };
  const kind = MEDIA_KINDS.find((name) => inner[name]);
  if (kind) return readMedia(kind, inner[kind]!);
  const other = Object.keys(inner).find((name) => name.endsWith('Message') && !NOT_CONTENT.has(name) && inner[name as keyof WaContent]);
  if (!other || other === 'protocolMessage' || other === 'reactionMessage') return null;
  return { text: `[WhatsApp ${describeKind(other)}: open WhatsApp on the phone to see it]`, attachments: [], media: null };
}

function readMedia(kind: MediaKind, media: WaMedia): ReadableContent {
  const contentType = (media.mimetype ?? fallbackType(kind)).split(';')[0]!.trim();
  const voiceNote = kind === 'audioMessage' && media.ptt === true;
  return {
    text: media.caption ?? '',
    attachments: [{ filename: media.fileName ?? defaultName(kind, contentType, voiceNote), contentType, size: longToNumber(media.fileLength) ?? 0, sha256: null }],
    media: { kind, voiceNote },
  };
}

function fallbackType(kind: MediaKind): string {
  return { imageMessage: 'image/jpeg', videoMessage: 'video/mp4', audioMessage: 'audio/ogg', documentMessage: 'application/octet-stream', stickerMessage: 'image/webp' }[kind];
}

function defaultName(kind: MediaKind, contentType: string, voiceNote: boolean): string {
  const base = voiceNote ? 'voice-note' : kind.replace('Message', '');
  const extension = contentType.split('/')[1]?.replace(/^x-/, '') ?? 'bin';
  return `${base}.${extension}`;
}

/** `locationMessage` → "location", `pollCreationMessageV3` → "poll creation". */
function describeKind(name: string): string {
  return name
    .replace(/Message(V\d+)?$/, '')
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()
    .trim();
}
