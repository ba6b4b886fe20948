import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServerDb } from '../../../sync-server/store/server-db';
import { getTwilioAccount } from '../../../sync-server/twilio/twilio-accounts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TOKEN = 'c0ffee00c0ffee00c0ffee00c0ffee00';
const SID = `AC${'ab'.repeat(16)}`;

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/cli/entry.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('switchboard-sync workspace set-twilio', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-sync-twilio-cli-'));
    expect(cli(['workspace', 'add', 'acme', '--data', dataDir]).status).toBe(0);
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores the account with the token read from the named variable, printing the webhook URLs but never the token', () => {
    const args = ['workspace', 'set-twilio', 'acme', '--account-sid', SID, '--auth-token-env', 'ACME_TWILIO_TOKEN', '--number', '+1 415 555 0100'];
    const done = cli([...args, '--forward-to', '(415) 555-0199', '--price-per-segment', '0.0079', '--data', dataDir], { ACME_TWILIO_TOKEN: TOKEN });
    expect(done.status).toBe(0);
    expect(done.output).toContain('/twilio/sms?ws=acme');
    expect(done.output).not.toContain(TOKEN);
    const db = openServerDb(dataDir);
    // The file names the variable; the token itself is only ever in the server's environment.
    expect(JSON.stringify(db.prepare('SELECT * FROM twilio_accounts').all())).not.toContain(TOKEN);
    expect(getTwilioAccount(db, 'acme', {})?.authToken).toBe('');
    expect(getTwilioAccount(db, 'acme', { ACME_TWILIO_TOKEN: TOKEN })).toEqual({
      workspaceId: 'acme',
      accountSid: SID,
      authToken: TOKEN,
      authTokenEnv: 'ACME_TWILIO_TOKEN',
      number: '+14155550100',
      forwardTo: '+14155550199',
      pricePerSegment: 0.0079,
    });
    db.close();
  });

  it('refuses a missing variable, a bad sid, number or price with status 2, storing nothing', () => {
    const base = ['workspace', 'set-twilio', 'acme', '--data', dataDir, '--auth-token-env', 'ACME_TWILIO_TOKEN'];
    const env = { ACME_TWILIO_TOKEN: TOKEN };
    expect(cli([...base, '--account-sid', SID, '--number', '+14155550100'])).toMatchObject({ status: 2, output: expect.stringContaining('ACME_TWILIO_TOKEN is not set') });
    expect(cli([...base, '--account-sid', 'AC123', '--number', '+14155550100'], env).status).toBe(2);
    expect(cli([...base, '--account-sid', SID, '--number', '555-0100'], env).status).toBe(2);
    expect(cli([...base, '--account-sid', SID, '--number', '+14155550100', '--price-per-segment', 'cheap'], env).status).toBe(2);
    expect(cli(['workspace', 'set-twilio', 'nowhere', '--data', dataDir, '--account-sid', SID, '--auth-token-env', 'ACME_TWILIO_TOKEN', '--number', '+14155550100'], env).status).toBe(1);
    const db = openServerDb(dataDir);
    expect(getTwilioAccount(db, 'acme')).toBeNull();
    db.close();
  });
});
