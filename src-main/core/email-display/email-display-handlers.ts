import type Database from 'better-sqlite3';
import type { Handlers } from '../api/dispatch';
import type { BlobStore } from '../blobs/blob-store';
import { createOtherMailSearch } from '../email/other-mail-search';
import { createAttachmentContent } from './attachment-content';
import { createEmailDetails } from './email-details';
import { readEmailHtml } from './email-html';
import { createEmailSources } from './email-source';
import { createOtherMailMessage } from './other-mail-message';
import { createRemoteContentSenders } from './remote-content-senders';

type EmailDisplayRequest = 'email.html' | 'email.allowRemoteContent' | 'otherMail.list' | 'otherMail.get' | 'attachments.read' | 'email.details';

/** Showing synced mail: an email's HTML for the sandboxed frame, and the "Other mail" view. */
export function createEmailDisplayHandlers(sqlite: Database.Database, blobs: BlobStore, workspaceId: string): Pick<Handlers, EmailDisplayRequest> {
  const senders = createRemoteContentSenders(sqlite);
  const sources = createEmailSources(sqlite);
  const searchOtherMail = createOtherMailSearch(sqlite);
  const otherMailMessage = createOtherMailMessage(sqlite);
  const attachmentContent = createAttachmentContent(sqlite, blobs);
  const emailDetails = createEmailDetails(sqlite);
  return {
    'email.html': ({ entryId }) => readEmailHtml({ blobs, sources, senders }, workspaceId, entryId),
    'email.details': ({ entryIds }) => emailDetails(workspaceId, entryIds),
    'email.allowRemoteContent': ({ address }) => {
      senders.allow(workspaceId, address, Date.now());
      return { address };
    },
    'otherMail.list': ({ query, limit, before }) => searchOtherMail(workspaceId, query ?? '', limit, before),
    'otherMail.get': ({ id }) => otherMailMessage(workspaceId, id),
    'attachments.read': ({ entryId, sha256 }) => attachmentContent(workspaceId, entryId, sha256),
  };
}
