import path from 'node:path';
import { createAesGcmCipher } from './aes-gcm-cipher';
import { createEncryptedFileStore, SECRETS_FILE } from './encrypted-file-store';
import { createLockedSecretStore } from './locked-secret-store';
import type { SecretStore } from './secret-store';

export const SECRET_KEY_VARIABLE = 'SWITCHBOARD_SECRET_KEY';

const HOW_TO = `Create a key with \`openssl rand -base64 32\`, set ${SECRET_KEY_VARIABLE} to it where \`switchboard host\` is started, keep a copy somewhere safe, and restart the host.`;

/**
 * The headless host's keychain: secrets sealed with the 32-byte key in SWITCHBOARD_SECRET_KEY, in the
 * data folder. Without the variable nothing can be saved. Generating a key and keeping it in the same
 * folder would look safer but is not: whoever can read the secrets file could read the key next to it,
 * so the passwords would be plain text with extra steps. The key must come from outside the folder.
 */
export function openHostSecretStore(dataDir: string, keyText: string | undefined): SecretStore {
  if (keyText === undefined || keyText.trim() === '') {
    return createLockedSecretStore(`Passwords cannot be saved: ${SECRET_KEY_VARIABLE} is not set. ${HOW_TO}`);
  }
  const key = parseKey(keyText.trim());
  if (!key) {
    return createLockedSecretStore(
      `Passwords cannot be saved: ${SECRET_KEY_VARIABLE} must be 32 random bytes written as base64 (44 characters) or hex (64 characters). ${HOW_TO}`,
    );
  }
  return createEncryptedFileStore(path.join(dataDir, SECRETS_FILE), createAesGcmCipher(key, SECRET_KEY_VARIABLE));
}

function parseKey(text: string): Buffer | null {
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return null;
  const key = Buffer.from(text, 'base64');
  return key.length === 32 ? key : null;
}
