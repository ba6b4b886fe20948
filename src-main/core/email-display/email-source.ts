import type Database from 'better-sqlite3';
import type { EmailDetails } from '../../../src-shared/api/email-display';
import { EMAIL_DETAILS_COLUMNS, emailDetailsOf, type EmailDetailsRow } from './email-details';
import type { EmailEntryDetails } from '../../../src-shared/domain/email-entry';
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
  fromAddress: string | null;
  ownAddress: string;
  direction: 'inbound' | 'outbound' | null;
  originContactId: string | null;
  otherFrom: string | null;
  attachments: string | null;
}

/**
 * On the channel host, email_messages says all of it; on the team's other PCs, the entry's email
 * details (from the month documents) do, less the mailbox folder. The sender is the From address the
 * entry keeps. Entries synced by earlier versions keep none: they came from an email identity of the
 * contact they were filed under (their origin contact), which a merge may since have moved to the
 * survivor, and a contact with several addresses leaves such a sender unknown rather than guessed,
 * since the answer decides whose images load.
 */
export function createEmailSources(sqlite: Database.Database) {
  const source = sqlite.prepare(`
    SELECT em.html_sha256 AS htmlSha256, json_extract(e.email, '$.from') AS fromAddress, a.address AS ownAddress, e.direction, e.origin_contact_id AS originContactId,
      o.from_address AS otherFrom, coalesce(e.attachments, o.attachments) AS attachments, ${EMAIL_DETAILS_COLUMNS}
    FROM email_messages em
    JOIN email_accounts a ON a.id = em.account_id
    LEFT JOIN entries e ON e.id = em.id AND em.filed_as = 'entry'
    LEFT JOIN other_mail o ON o.id = em.id AND em.filed_as = 'other'
    WHERE em.id = ? AND a.workspace_id = ?`);
  // A PC other than the channel host has no email_messages: what the entry carries has to do.
  const sharedSource = sqlite.prepare(`
    SELECT email, auto_reply AS autoReply, attachments FROM entries WHERE id = ? AND workspace_id = ? AND email IS NOT NULL`);
  const originAddresses = sqlite
    .prepare(`
      SELECT value FROM identities WHERE kind = 'email' AND (contact_id = :contactId OR id IN (
        SELECT moved.value FROM merges, json_each(merges.moved_identity_ids) AS moved
        WHERE merges.merged_id = :contactId AND merges.undone_at IS NULL))`)
    .pluck();

  function senderOf(row: SourceRow): string | null {
    if (row.direction === 'outbound') return row.ownAddress;
    if (row.direction === null) return row.otherFrom;
    if (row.fromAddress !== null) return row.fromAddress;
    const addresses = originAddresses.all({ contactId: row.originContactId }) as string[];
    return addresses.length === 1 ? addresses[0]! : null;
  }

  function sharedSourceOf(workspaceId: string, id: string): EmailSource | null {
    const row = sharedSource.get(id, workspaceId) as { email: string; autoReply: 0 | 1; attachments: string } | undefined;
    if (!row) return null;
    const email = JSON.parse(row.email) as EmailEntryDetails;
    return {
      htmlSha256: email.htmlSha256,
      attachments: JSON.parse(row.attachments) as AttachmentMeta[],
      sender: email.from,
      details: { autoReply: row.autoReply === 1, calendar: email.calendar, removed: null },
    };
  }

  return function emailSource(workspaceId: string, id: string): EmailSource | null {
    const row = source.get(id, workspaceId) as SourceRow | undefined;
    if (!row) return sharedSourceOf(workspaceId, id);
    return {
      htmlSha256: row.htmlSha256,
      attachments: row.attachments ? (JSON.parse(row.attachments) as AttachmentMeta[]) : [],
      sender: senderOf(row),
      details: emailDetailsOf(row),
    };
  };
}
