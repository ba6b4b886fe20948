import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRETS_FILE } from '../../../src-main/core/secrets/encrypted-file-store';
import { openHostSecretStore } from '../../../src-main/core/secrets/host-secret-store';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const key = () => randomBytes(32).toString('base64');
const PASSWORD = 'correct horse battery staple';

describe('the host secret store', () => {
  it('keeps a secret across instances, and deletes it', () => {
    const dir = tempDir();
    const keyText = key();
    openHostSecretStore(dir, keyText).set('email-password:ea_1', PASSWORD);
    const again = openHostSecretStore(dir, keyText);
    expect(again.get('email-password:ea_1')).toBe(PASSWORD);
    expect(again.get('email-password:ea_2')).toBeNull();
    again.delete('email-password:ea_1');
    expect(openHostSecretStore(dir, keyText).get('email-password:ea_1')).toBeNull();
  });

  it('accepts the key as hex too', () => {
    const dir = tempDir();
    const hex = randomBytes(32).toString('hex');
    openHostSecretStore(dir, hex).set('a', PASSWORD);
    expect(openHostSecretStore(dir, hex.toUpperCase()).get('a')).toBe(PASSWORD);
  });

  it('writes an owner-only file that never holds the plain text', () => {
    const dir = tempDir();
    openHostSecretStore(dir, key()).set('email-password:ea_1', PASSWORD);
    const file = path.join(dir, SECRETS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const raw = readFileSync(file);
    expect(raw.includes(PASSWORD)).toBe(false);
    expect(raw.includes(Buffer.from(PASSWORD).toString('base64'))).toBe(false);
    expect(raw.includes(Buffer.from(PASSWORD).toString('hex'))).toBe(false);
  });

  it('says a different key was used, rather than returning garbage', () => {
    const dir = tempDir();
    openHostSecretStore(dir, key()).set('a', PASSWORD);
    expect(() => openHostSecretStore(dir, key()).get('a')).toThrow(/encrypted with a different SWITCHBOARD_SECRET_KEY/);
  });

  it('says the file was changed when a sealed value or its entry name is tampered with', () => {
    const dir = tempDir();
    const keyText = key();
    const store = openHostSecretStore(dir, keyText);
    store.set('a', PASSWORD);
    store.set('b', 'another secret');
    const file = path.join(dir, SECRETS_FILE);
    const contents = JSON.parse(readFileSync(file, 'utf8'));
    const parts = contents.secrets.a.split('.');
    const data = Buffer.from(parts[3], 'base64url');
    data[0]! ^= 1;
    parts[3] = data.toString('base64url');
    writeFileSync(file, JSON.stringify({ ...contents, secrets: { a: parts.join('.'), b: contents.secrets.a } }));

    const reopened = openHostSecretStore(dir, keyText);
    expect(() => reopened.get('a')).toThrow(/has been changed or damaged/);
    // A value moved to another entry does not open there: the entry name is authenticated.
    expect(() => reopened.get('b')).toThrow(/has been changed or damaged/);
  });

  it('says the file is damaged when it is not what Switchboard wrote', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, SECRETS_FILE), '{ not json');
    expect(() => openHostSecretStore(dir, key()).get('a')).toThrow(/secrets file .* is damaged \(it is not valid JSON\)/);
  });

  it('refuses to save without SWITCHBOARD_SECRET_KEY, and says how to set it', () => {
    const store = openHostSecretStore(tempDir(), undefined);
    expect(store.unavailableReason).toMatch(/SWITCHBOARD_SECRET_KEY is not set.*openssl rand -base64 32/);
    expect(() => store.set('a', PASSWORD)).toThrow(/SWITCHBOARD_SECRET_KEY is not set/);
  });

  it('refuses a key that is not 32 bytes', () => {
    for (const bad of ['short', randomBytes(16).toString('base64'), randomBytes(31).toString('hex')]) {
      expect(openHostSecretStore(tempDir(), bad).unavailableReason).toMatch(/must be 32 random bytes/);
    }
  });
});
