import { BufferJSON } from '@whiskeysockets/baileys';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir';
import { openAuthSession, preKeys } from './fixtures/auth-session';

const tempDir = useTempDirs();
const here = path.dirname(fileURLToPath(import.meta.url));

describe('WhatsApp auth state in the local store', () => {
  it('survives a restart: the same credentials and keys, Buffers included', async () => {
    const dir = tempDir();
    const first = openAuthSession(dir);
    const keys = preKeys(3);
    first.state.keys.set({ 'pre-key': keys, 'app-state-sync-key': { AAAA: { keyData: Buffer.from([1, 2, 3]), timestamp: 5 } as never } });
    first.state.creds.me = { id: '15550100099:3@s.whatsapp.net', name: 'Shop' };
    first.saveCreds();
    const creds = JSON.stringify(first.state.creds, BufferJSON.replacer);
    first.store.close();

    const second = openAuthSession(dir);
    expect(JSON.stringify(second.state.creds, BufferJSON.replacer)).toBe(creds);
    expect(second.state.creds.me?.id).toBe('15550100099:3@s.whatsapp.net');
    expect(Buffer.isBuffer(second.state.creds.noiseKey.private)).toBe(true);
    expect(await second.state.keys.get('pre-key', ['1', '2', '3', '4'])).toEqual({ '1': keys['1'], '2': keys['2'], '3': keys['3'] });
    const syncKey = (await second.state.keys.get('app-state-sync-key', ['AAAA']))['AAAA']!;
    expect(Buffer.from(syncKey.keyData!)).toEqual(Buffer.from([1, 2, 3]));

    await second.state.keys.set({ 'pre-key': { '2': null } });
    expect(Object.keys(await second.state.keys.get('pre-key', ['1', '2', '3']))).toEqual(['1', '3']);
    second.store.close();
  });

  it('keeps nothing readable at rest: every value is sealed with the keychain key', () => {
    const session = openAuthSession(tempDir());
    const keys = preKeys(1);
    session.state.keys.set({ 'pre-key': keys });
    session.saveCreds();
    const rows = session.store.sqlite.prepare('SELECT category, sealed FROM whatsapp_auth').all() as Array<{ category: string; sealed: string }>;
    expect(rows.map((r) => r.category).sort()).toEqual(['creds', 'pre-key']);
    const everything = rows.map((r) => r.sealed).join('\n');
    expect(everything).not.toContain(keys['1']!.private.toString('base64'));
    expect(everything).not.toContain(Buffer.from(session.state.creds.noiseKey.private).toString('base64'));
    expect(everything).not.toContain('Buffer');
    session.store.close();
  });

  it('is consistent after a crash in the middle of keys.set: the earlier state, none of the interrupted write', async () => {
    const dir = tempDir();
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures', 'crash-during-keys-set.ts'), dir], { encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    expect(child.stdout).toBe('ready\n');

    const after = openAuthSession(dir);
    const count = (category: string) => after.store.sqlite.prepare('SELECT count(*) FROM whatsapp_auth WHERE category = ?').pluck().get(category);
    expect(count('pre-key')).toBe(50);
    expect(count('session')).toBe(0);
    expect(Object.keys(await after.state.keys.get('pre-key', ['1', '50', '51']))).toEqual(['1', '50']);
    expect(after.state.creds.registrationId).toBeGreaterThan(0);
    after.store.close();
  });
});
