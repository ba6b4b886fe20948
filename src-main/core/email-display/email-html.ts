import { readFile } from 'node:fs/promises';
import type { EmailHtml } from '../../../src-shared/api/email-display';
import type { BlobStore } from '../blobs/blob-store';
import type { createEmailSources } from './email-source';
import { inlineImages } from './inline-images';
import type { RemoteContentSenders } from './remote-content-senders';

const NO_HTML: EmailHtml = { html: null, remoteContentAllowed: false, sender: null, inlineImages: {} };

/**
 * An email's stored HTML with what the renderer needs to show it safely. Mail Switchboard did not sync
 * (a message still in the outbox, an SMS) has no HTML, which is not an error: its text is shown.
 */
export async function readEmailHtml(
  deps: { blobs: BlobStore; sources: ReturnType<typeof createEmailSources>; senders: RemoteContentSenders },
  workspaceId: string,
  entryId: string,
): Promise<EmailHtml> {
  const source = deps.sources(workspaceId, entryId);
  if (!source?.htmlSha256) return NO_HTML;
  const html = await readFile(deps.blobs.pathOf(source.htmlSha256), 'utf8');
  return {
    html,
    remoteContentAllowed: source.sender !== null && deps.senders.isAllowed(workspaceId, source.sender),
    sender: source.sender,
    inlineImages: await inlineImages(deps.blobs, source.attachments),
  };
}
