import { normalizePhone } from '../../src-shared/identity/phone';
import type { SmsSettingsRecord } from '../../src-shared/sync/twilio-workspace-doc';
import type { ServerDb } from '../store/server-db';
import { prepared } from './prepared';

/** A workspace's Twilio account. The auth token never leaves this process: not to a document, a PC or a log. */
export interface TwilioAccount {
  workspaceId: string;
  accountSid: string;
  authToken: string;
  /** The workspace's Twilio number, E.164. */
  number: string;
  forwardTo: string | null;
  pricePerSegment: number | null;
}

interface AccountRow {
  workspace_id: string;
  account_sid: string;
  auth_token: string;
  number: string;
  forward_to: string | null;
  price_per_segment: number | null;
}

export function setTwilioAccount(db: ServerDb, account: TwilioAccount, now = Date.now()): void {
  db.prepare(
    `INSERT INTO twilio_accounts (workspace_id, account_sid, auth_token, number, forward_to, price_per_segment, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (workspace_id) DO UPDATE SET account_sid = excluded.account_sid, auth_token = excluded.auth_token,
       number = excluded.number, forward_to = excluded.forward_to, price_per_segment = excluded.price_per_segment,
       updated_at = excluded.updated_at`,
  ).run(account.workspaceId, account.accountSid, account.authToken, account.number, account.forwardTo, account.pricePerSegment, now);
}

export function getTwilioAccount(db: ServerDb, workspaceId: string): TwilioAccount | null {
  const row = prepared<[string], AccountRow>(
    db,
    'SELECT workspace_id, account_sid, auth_token, number, forward_to, price_per_segment FROM twilio_accounts WHERE workspace_id = ?',
  ).get(workspaceId);
  return row ? toAccount(row) : null;
}

/** Workspaces whose account was set at or after `since` (all of them for 0), by `workspace set-twilio` perhaps in another process. */
export function twilioWorkspaceIds(db: ServerDb, since = 0): string[] {
  return db
    .prepare<[number], { workspace_id: string }>('SELECT workspace_id FROM twilio_accounts WHERE updated_at >= ? ORDER BY workspace_id')
    .all(since)
    .map((r) => r.workspace_id);
}

/** Numbers customers write without a country code are read in the region of the workspace's own number. */
export function accountRegion(account: TwilioAccount): string | null {
  return normalizePhone(account.number, null).region;
}

/** What PCs may know about the account: shown in the composer, never a secret. */
export function publicSettings(account: TwilioAccount): SmsSettingsRecord {
  return { number: account.number, pricePerSegment: account.pricePerSegment, forwardTo: account.forwardTo };
}

function toAccount(row: AccountRow): TwilioAccount {
  return {
    workspaceId: row.workspace_id,
    accountSid: row.account_sid,
    authToken: row.auth_token,
    number: row.number,
    forwardTo: row.forward_to,
    pricePerSegment: row.price_per_segment,
  };
}
