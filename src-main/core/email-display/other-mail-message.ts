import type Database from 'better-sqlite3';
import type { OtherMailMessage } from '../../../src-shared/api/email-display';
import { ApiError } from '../../../src-shared/api/result';

interface MessageRow extends Omit<OtherMailMessage, 'to' | 'attachments' | 'hasHtml'> {
  to: string;
  attachments: string;
  hasHtml: 0 | 1;
}

/** One message of "Other mail" for the reader: its whole stored text, and whether it has HTML to show. */
export function createOtherMailMessage(sqlite: Database.Database) {
  const statement = sqlite.prepare(`
    SELECT m.id, m.category, m.from_address AS fromAddress, m.from_name AS fromName, m.subject, m.occurred_at AS occurredAt,
      m.to_addresses AS "to", m.body AS text, m.attachments, em.html_sha256 IS NOT NULL AS hasHtml
    FROM other_mail m
    LEFT JOIN email_messages em ON em.id = m.id
    WHERE m.id = ? AND m.workspace_id = ?`);

  return function otherMailMessage(workspaceId: string, id: string): OtherMailMessage {
    const row = statement.get(id, workspaceId) as MessageRow | undefined;
    if (!row) throw new ApiError('not_found', 'That message is not in Other mail.');
    return {
      ...row,
      to: JSON.parse(row.to) as string[],
      attachments: JSON.parse(row.attachments) as OtherMailMessage['attachments'],
      hasHtml: row.hasHtml === 1,
    };
  };
}
