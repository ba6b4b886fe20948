import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { authenticate } from '../../../sync-server/auth/members';
import { createWorkspace, redeemInvite } from '../../../sync-server/auth/invites';
import { openServerDb, SERVER_DB_FILE } from '../../../sync-server/store/server-db';
import { getTwilioAccount, setTwilioAccount } from '../../../sync-server/twilio/twilio-accounts';

describe('server.sqlite migrations for Twilio', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('brings a schema-1 file (workspaces and members only) up to date without losing a member', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-server-schema-'));
    dirs.push(dataDir);
    const first = openServerDb(dataDir);
    const { code } = createWorkspace(first, 'acme');
    const { token } = redeemInvite(first, code, 'Olga');
    first.close();
    // Undo migrations 2 and 3, as a file written before Twilio existed would be.
    const raw = new Database(path.join(dataDir, SERVER_DB_FILE));
    for (const table of ['outbox_writers', 'blob_refs', 'blobs', 'twilio_messages', 'twilio_events', 'twilio_accounts']) raw.exec(`DROP TABLE ${table}`);
    raw.pragma('user_version = 1');
    raw.close();

    const db = openServerDb(dataDir);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(authenticate(db, token)?.name).toBe('Olga');
    setTwilioAccount(db, { workspaceId: 'acme', accountSid: `AC${'1'.repeat(32)}`, authTokenEnv: 'ACME_TOKEN', number: '+14155550100', forwardTo: null, pricePerSegment: null });
    expect(getTwilioAccount(db, 'acme', { ACME_TOKEN: 'secret' })).toMatchObject({ number: '+14155550100', authToken: 'secret' });
    expect(db.prepare('SELECT count(*) AS n FROM outbox_writers').get()).toEqual({ n: 0 });
    db.close();
  });
});
