import Database from 'better-sqlite3';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../../src-main/core/create-core';
import { useMailServer } from '../../support/mail-server/use-mail-server';
import { useTempDirs } from '../../support/temp-dir';
import { appendAll, corpusMessages, exitOf, spawnEmailSync, waitFor } from './email-sync-harness';

const tempDir = useTempDirs();
const mail = useMailServer('all');

beforeAll(() => appendAll(mail.client, 'INBOX', corpusMessages()), 60_000);

/** What the store holds, read by a separate connection the way a second process would. */
function snapshot(dataDir: string) {
  const db = new Database(path.join(dataDir, STORE_FILE), { readonly: true, fileMustExist: true });
  try {
    const ids = (sql: string) => db.prepare(sql).pluck().all() as string[];
    return {
      entries: ids(`SELECT id FROM entries WHERE channel = 'email' ORDER BY id`),
      other: ids('SELECT id FROM other_mail ORDER BY id'),
      phase: db.prepare(`SELECT backfill_phase FROM email_folders WHERE path = 'INBOX'`).pluck().get() as string | undefined,
    };
  } finally {
    db.close();
  }
}

function committedChunks(dataDir: string): boolean {
  try {
    const { entries, other, phase } = snapshot(dataDir);
    return entries.length + other.length > 0 && phase !== 'done';
  } catch {
    return false; // not created or not migrated yet
  }
}

describe('a sync killed midway', () => {
  it('resumes to exactly what a clean run stores: no duplicate, nothing missing', async () => {
    const clean = tempDir();
    const cleanRun = await exitOf(spawnEmailSync(mail.server, clean, ['--once']));
    expect(cleanRun.code, cleanRun.stderr).toBe(0);
    expect(cleanRun.stdout).toMatch(/^187 messages, [\d.]+ MB, [\d.]+ s$/m);
    const expected = snapshot(clean);
    expect(expected.entries.length + expected.other.length).toBeGreaterThan(150);

    const crashed = tempDir();
    const child = spawnEmailSync(mail.server, crashed, ['--once', '--chunk-size', '3']);
    const exited = exitOf(child);
    await waitFor(() => committedChunks(crashed), 20_000, 'a committed chunk');
    child.kill('SIGKILL');
    expect((await exited).signal, 'the sync finished before it could be killed').toBe('SIGKILL');
    const partial = snapshot(crashed);
    expect(partial.entries.length + partial.other.length).toBeLessThan(expected.entries.length + expected.other.length);

    const resumed = await exitOf(spawnEmailSync(mail.server, crashed, ['--once', '--chunk-size', '3']));
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = snapshot(crashed);
    expect(after.entries).toEqual(expected.entries);
    expect(after.other).toEqual(expected.other);
  }, 60_000);
});
