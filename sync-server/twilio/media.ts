import type { AttachmentMeta } from '../../src-shared/domain/timeline';
import type { BlobStore } from '../blobs/blob-store';
import { param, type FormParams } from './form-params';
import { basicAuth, type TwilioApiAccess } from './twilio-api';
import type { TwilioAccount } from './twilio-accounts';

/** Twilio caps MMS media at 5 MB; anything far past that is not a media file. */
const MAX_MEDIA_BYTES = 16 * 1024 * 1024;

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'video/3gpp': '3gp',
  'video/mp4': 'mp4',
  'audio/amr': 'amr',
  'audio/mpeg': 'mp3',
  'text/vcard': 'vcf',
  'text/x-vcard': 'vcf',
  'application/pdf': 'pdf',
};

/**
 * Copies every `MediaUrl<n>` of an inbound MMS into the blob store with the account's credentials.
 * Any failure throws: the event stays pending and is tried again, so no picture is silently lost.
 */
export async function fetchMedia(account: TwilioAccount, params: FormParams, access: TwilioApiAccess, blobs: BlobStore): Promise<AttachmentMeta[]> {
  const count = Number(param(params, 'NumMedia') ?? '0');
  const attachments: AttachmentMeta[] = [];
  for (let i = 0; i < (Number.isInteger(count) ? count : 0); i++) {
    const url = param(params, `MediaUrl${i}`);
    if (!url) continue;
    const declaredType = param(params, `MediaContentType${i}`) ?? 'application/octet-stream';
    const bytes = await download(url, account, access);
    const stored = await blobs.put(account.workspaceId, bytes, declaredType);
    attachments.push({ filename: mediaFilename(url, declaredType, i), contentType: declaredType, size: stored.size, sha256: stored.sha256 });
  }
  return attachments;
}

async function download(url: string, account: TwilioAccount, access: TwilioApiAccess): Promise<Uint8Array> {
  const response = await (access.fetch ?? fetch)(url, { headers: { Authorization: basicAuth(account) }, redirect: 'follow' });
  if (!response.ok) throw new Error(`Twilio media ${url} answered ${response.status}`);
  if (Number(response.headers.get('content-length') ?? '0') > MAX_MEDIA_BYTES) throw new Error(`Twilio media ${url} is over ${MAX_MEDIA_BYTES} bytes`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_MEDIA_BYTES) throw new Error(`Twilio media ${url} is over ${MAX_MEDIA_BYTES} bytes`);
  return bytes;
}

/**
 * A finished voicemail recording, as MP3, into the blob store: PCs play it from there, since the
 * recording URL needs the account's credentials once media authentication is on.
 */
export async function fetchRecording(account: TwilioAccount, params: FormParams, access: TwilioApiAccess, blobs: BlobStore): Promise<AttachmentMeta | null> {
  const url = param(params, 'RecordingUrl');
  if (!url || param(params, 'RecordingStatus') !== 'completed') return null;
  const bytes = await download(`${url}.mp3`, account, access);
  const stored = await blobs.put(account.workspaceId, bytes, 'audio/mpeg');
  return { filename: `${param(params, 'RecordingSid') ?? 'voicemail'}.mp3`, contentType: 'audio/mpeg', size: stored.size, sha256: stored.sha256 };
}

function mediaFilename(url: string, contentType: string, index: number): string {
  const sid = /\/Media\/(ME[0-9a-zA-Z]+)/.exec(url)?.[1] ?? `media-${index + 1}`;
  const extension = EXTENSIONS[contentType.toLowerCase()];
  return extension ? `${sid}.${extension}` : sid;
}
