import { safeStorage } from 'electron';
import path from 'node:path';
import { createEncryptedFileStore, SECRETS_FILE } from '../core/secrets/encrypted-file-store';
import { createLockedSecretStore } from '../core/secrets/locked-secret-store';
import type { SecretCipher } from '../core/secrets/secret-cipher';
import { SecretStoreError, type SecretStore } from '../core/secrets/secret-store';

/**
 * The desktop keychain: secrets sealed by Electron's safeStorage (Keychain on macOS, DPAPI on Windows,
 * libsecret or KWallet on Linux) in the data folder. Call after `app` is ready. On a Linux desktop
 * with no keyring, safeStorage falls back to a key built into Chromium, which protects nothing, so
 * passwords are refused there as the host refuses them without a key.
 */
export function openKeychainSecretStore(dataDir: string): SecretStore {
  const noKeyring = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || noKeyring) {
    return createLockedSecretStore(
      'Passwords cannot be saved: this computer offers no keychain to keep them in. On Linux, install and unlock GNOME Keyring or KWallet, then restart Switchboard.',
    );
  }
  return createEncryptedFileStore(path.join(dataDir, SECRETS_FILE), keychainCipher);
}

const keychainCipher: SecretCipher = {
  seal: (_name, value) => safeStorage.encryptString(value).toString('base64'),
  open(name, sealed) {
    try {
      return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    } catch {
      throw new SecretStoreError(`The saved secret "${name}" cannot be opened with this computer’s keychain; enter the password again.`);
    }
  },
};
