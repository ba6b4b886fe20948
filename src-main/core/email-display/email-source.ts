import type Database from 'better-sqlite3';
import type { EmailDetails } from '../../../src-shared/api/email-display';
import { EMAIL_DETAILS_COLUMNS, emailDetailsOf, type EmailDetailsRow } from './email-details';
import type { AttachmentMeta } from '../../../src-shared/domain/timeline';

/** What displaying one email needs from the store: where its HTML is, its parts, and who sent it. */
export interface EmailSource {
  htmlSha256: string | null;
  attachments: AttachmentMeta[];
  sender: string | null;
  details: EmailDetails;
}

interface SourceRow extends EmailDetailsRow {
  htmlSha256: string | null;
  ownAddress: string;
  direction: 'inbound' | 'outbound' | null;
  originContactId: string | null;
  otherFrom: string | null;
  attachments: string | null;
}

/**
 * Customer entries do not keep their From address: an inbound one came from an email identity of the
 * contact it was filed under (its origin contact), which a merge may since have moved to the survivor.
 * A contact with several addresses leaves the sender unknown rather than guessed, since the answer
 * decides whose images load.
 */
export function createEmailSources(sqlite: Database.Database) {
  const source = sqlite.prepare(`
    SELECT em.html_sha256 AS htmlSha256, a.address AS ownAddress, e.direction, e.origin_contact_id AS originContactId,
      o.from_address AS otherFrom, coalesce(e.attachments, o.attachments) AS attachments, ${EMAIL_DETAILS_COLUMNS}
    FROM email_messages em
    JOIN email_accounts a ON a.id = em.account_id
    LEFT JOIN entries e ON e.id = em.id AND em.filed_as = 'entry'
    LEFT JOIN other_mail o ON o.id = em.id AND em.filed_as = 'other'
    WHERE em.id = ? AND a.workspace_id = ?`);
  const originAddresses = sqlite
    .prepare(`
      SELECT value FROM identities WHERE kind = 'email' AND (contact_id = :contactId OR id IN (
        SELECT moved.value FROM merges, json_each(merges.moved_identity_ids) AS moved
        WHERE merges.merged_id = :contactId AND merges.undone_at IS NULL))`)
    .pluck();

  function senderOf(row: SourceRow): string | null {
    if (row.direction === 'outbound') return row.ownAddress;
    if (row.direction === null) return row.otherFrom;
    const addresses = originAddresses.all({ contactId: row.originContactId }) as string[];
    return addresses.length === 1 ? addresses[0]! : null;
  }

  return function emailSource(workspaceId: string, id: string): EmailSource | null {
    const row = source.get(id, workspaceId) as SourceRow | undefined;
    if (!row) return null;
    return {
      htmlSha256: row.htmlSha256,
      attachments: row.attachments ? (JSON.parse(row.attachments) as AttachmentMeta[]) : [],
      sender: senderOf(row),
      details: emailDetailsOf(row),
    };
  };
}
