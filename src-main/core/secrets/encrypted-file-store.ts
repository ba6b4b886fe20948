import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { SecretCipher } from './secret-cipher';
import { SecretStoreError, type SecretStore } from './secret-store';

export const SECRETS_FILE = 'secrets.json';

interface SecretsFile {
  version: 1;
  /** Entry name → sealed value; names are not secret (e.g. `email-password:ea_…`). */
  secrets: Record<string, string>;
}

/**
 * Secrets sealed by `cipher`, one entry each, in a file only the owner may read. Every write goes to a
 * fresh temporary file renamed over the old one, so a crash leaves the old file or the new one, and
 * the mode is 0600 whatever the old file had.
 */
export function createEncryptedFileStore(file: string, cipher: SecretCipher): SecretStore {
  function readAll(): Record<string, string> {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw damaged('it is not valid JSON');
    }
    if (!isSecretsFile(parsed)) throw damaged('its layout is not one Switchboard wrote');
    return parsed.secrets;
  }

  function writeAll(secrets: Record<string, string>): void {
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    const contents: SecretsFile = { version: 1, secrets };
    try {
      writeFileSync(temporary, JSON.stringify(contents, null, 2), { mode: 0o600, flag: 'wx' });
      renameSync(temporary, file);
    } finally {
      rmSync(temporary, { force: true });
    }
  }

  function damaged(why: string): SecretStoreError {
    return new SecretStoreError(`The secrets file ${file} is damaged (${why}). Move it away, then enter the saved passwords again.`);
  }

  return {
    get(name) {
      const secrets = readAll();
      return Object.hasOwn(secrets, name) ? cipher.open(name, secrets[name]!) : null;
    },
    set(name, value) {
      writeAll({ ...readAll(), [name]: cipher.seal(name, value) });
    },
    delete(name) {
      const secrets = readAll();
      if (!Object.hasOwn(secrets, name)) return;
      delete secrets[name];
      writeAll(secrets);
    },
    unavailableReason: null,
  };
}

function isSecretsFile(value: unknown): value is SecretsFile {
  if (typeof value !== 'object' || value === null) return false;
  const { version, secrets } = value as Partial<SecretsFile>;
  return (
    version === 1 &&
    typeof secrets === 'object' &&
    secrets !== null &&
    !Array.isArray(secrets) &&
    Object.values(secrets).every((sealed) => typeof sealed === 'string')
  );
}
