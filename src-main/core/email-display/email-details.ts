import type Database from 'better-sqlite3';
import type { EmailDetails } from '../../../src-shared/api/email-display';
import type { CalendarCard } from '../../../src-shared/domain/calendar-card';

/** The columns of `email_messages` that details are read from, as the statements below name them. */
export interface EmailDetailsRow {
  autoReply: 0 | 1;
  calendar: string | null;
  folderPath: string | null;
  removedAt: number | null;
}

export const EMAIL_DETAILS_COLUMNS = 'em.auto_reply AS autoReply, em.calendar, em.folder_path AS folderPath, em.removed_at AS removedAt';

export function emailDetailsOf(row: EmailDetailsRow): EmailDetails {
  return {
    autoReply: row.autoReply === 1,
    calendar: row.calendar ? (JSON.parse(row.calendar) as CalendarCard) : null,
    removed: row.removedAt !== null && row.folderPath !== null ? { folder: row.folderPath, at: row.removedAt } : null,
  };
}

/** The details of many emails in one query, for refreshing what an open thread shows. */
export function createEmailDetails(sqlite: Database.Database) {
  const statement = sqlite.prepare(`
    SELECT em.id, ${EMAIL_DETAILS_COLUMNS}
    FROM email_messages em JOIN email_accounts a ON a.id = em.account_id
    WHERE em.id IN (SELECT value FROM json_each(?)) AND a.workspace_id = ?`);

  return function emailDetails(workspaceId: string, entryIds: string[]): Record<string, EmailDetails> {
    const rows = statement.all(JSON.stringify(entryIds), workspaceId) as Array<EmailDetailsRow & { id: string }>;
    return Object.fromEntries(rows.map((row) => [row.id, emailDetailsOf(row)]));
  };
}
