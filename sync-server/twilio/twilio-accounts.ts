import { normalizePhone } from '../../src-shared/identity/phone';
import type { SmsSettingsRecord } from '../../src-shared/sync/twilio-workspace-doc';
import type { ServerDb } from '../store/server-db';
import { prepared } from './prepared';

/**
 * A workspace's Twilio account. The auth token is read from the server's environment, under the
 * variable the operator named; it never leaves this process: not to a file, a document, a PC or a log.
 */
export interface TwilioAccount {
  workspaceId: string;
  accountSid: string;
  /** Empty when the server was started without the variable (see `missingTokenReason`). */
  authToken: string;
  authTokenEnv: string;
  /** The workspace's Twilio number, E.164. */
  number: string;
  forwardTo: string | null;
  pricePerSegment: number | null;
}

interface AccountRow {
  workspace_id: string;
  account_sid: string;
  auth_token_env: string;
  number: string;
  forward_to: string | null;
  price_per_segment: number | null;
}

export function setTwilioAccount(db: ServerDb, account: Omit<TwilioAccount, 'authToken'>, now = Date.now()): void {
  db.prepare(
    `INSERT INTO twilio_accounts (workspace_id, account_sid, auth_token_env, number, forward_to, price_per_segment, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (workspace_id) DO UPDATE SET account_sid = excluded.account_sid, auth_token_env = excluded.auth_token_env,
       number = excluded.number, forward_to = excluded.forward_to, price_per_segment = excluded.price_per_segment,
       updated_at = excluded.updated_at`,
  ).run(account.workspaceId, account.accountSid, account.authTokenEnv, account.number, account.forwardTo, account.pricePerSegment, now);
}

/** Why the account cannot be used by this server process, or null when it can. */
export function missingTokenReason(account: TwilioAccount): string | null {
  if (account.authToken !== '') return null;
  return account.authTokenEnv === ''
    ? 'The Twilio account was set before tokens moved to the environment; run workspace set-twilio again.'
    : `The server was started without ${account.authTokenEnv}, which holds the Twilio auth token.`;
}

export function getTwilioAccount(db: ServerDb, workspaceId: string, env: NodeJS.ProcessEnv = process.env): TwilioAccount | null {
  const row = prepared<[string], AccountRow>(
    db,
    'SELECT workspace_id, account_sid, auth_token_env, number, forward_to, price_per_segment FROM twilio_accounts WHERE workspace_id = ?',
  ).get(workspaceId);
  return row ? toAccount(row, env) : null;
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

function toAccount(row: AccountRow, env: NodeJS.ProcessEnv): TwilioAccount {
  return {
    workspaceId: row.workspace_id,
    accountSid: row.account_sid,
    authToken: (row.auth_token_env && env[row.auth_token_env]?.trim()) || '',
    authTokenEnv: row.auth_token_env,
    number: row.number,
    forwardTo: row.forward_to,
    pricePerSegment: row.price_per_segment,
  };
}
