import { readFile } from 'node:fs/promises';
import type { EmailHtml } from '../../../src-shared/api/email-display';
import type { BlobStore } from '../blobs/blob-store';
import type { createEmailSources } from './email-source';
import { inlineImages } from './inline-images';
import type { RemoteContentSenders } from './remote-content-senders';

const NOT_SYNCED: EmailHtml = { html: null, remoteContentAllowed: false, sender: null, inlineImages: {}, autoReply: false, calendar: null, removed: null };

/**
 * An email's stored HTML with what the renderer needs to show it safely, and what the thread shows
 * around it (auto-reply flag, invitation card, removal from the mailbox). Mail Switchboard did not
 * sync (a message still in the outbox, an SMS) has none of it, which is not an error: its text is shown.
 */
export async function readEmailHtml(
  deps: { blobs: BlobStore; sources: ReturnType<typeof createEmailSources>; senders: RemoteContentSenders },
  workspaceId: string,
  entryId: string,
): Promise<EmailHtml> {
  const source = deps.sources(workspaceId, entryId);
  if (!source) return NOT_SYNCED;
  const file = source.htmlSha256 ? await deps.blobs.ensure(source.htmlSha256) : null;
  if (!file) return { ...NOT_SYNCED, sender: source.sender, ...source.details };
  const html = await readFile(file, 'utf8');
  return {
    html,
    remoteContentAllowed: source.sender !== null && deps.senders.isAllowed(workspaceId, source.sender),
    sender: source.sender,
    inlineImages: await inlineImages(deps.blobs, source.attachments),
    ...source.details,
  };
}
