import type Database from 'better-sqlite3';
import { readFile } from 'node:fs/promises';
import type { AttachmentContent } from '../../../src-shared/api/email-attachments';
import { ApiError } from '../../../src-shared/api/result';
import type { AttachmentMeta } from '../../../src-shared/domain/timeline';
import type { BlobStore } from '../blobs/blob-store';

/**
 * The bytes of one attachment, for the person to open or save. Only an attachment the named entry (or
 * "Other mail" message) lists is handed out, under the name it was sent with.
 */
export function createAttachmentContent(sqlite: Database.Database, blobs: BlobStore) {
  const listed = sqlite
    .prepare(`
      SELECT attachments FROM entries WHERE id = :id AND workspace_id = :workspaceId
      UNION ALL
      SELECT attachments FROM other_mail WHERE id = :id AND workspace_id = :workspaceId`)
    .pluck();

  return async function attachmentContent(workspaceId: string, entryId: string, sha256: string): Promise<AttachmentContent> {
    const lists = listed.all({ id: entryId, workspaceId }) as Array<string | null>;
    const attachment = lists
      .flatMap((json) => (json ? (JSON.parse(json) as AttachmentMeta[]) : []))
      .find((candidate) => candidate.sha256 === sha256);
    if (!attachment) throw new ApiError('not_found', 'That message has no such attachment.');
    const file = await blobs.ensure(sha256).catch(() => null);
    const bytes = file ? await readFile(file).catch(() => null) : null;
    if (!bytes) throw new ApiError('not_found', `${attachment.filename} is not stored on this PC.`);
    return { filename: attachment.filename, contentType: attachment.contentType, data: bytes.toString('base64') };
  };
}
