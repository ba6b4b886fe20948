import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { createAesGcmCipher } from '../secrets/aes-gcm-cipher';
import type { SecretCipher } from '../secrets/secret-cipher';
import { SecretStoreError, type SecretStore } from '../secrets/secret-store';

export interface AuthWrite {
  category: string;
  keyId: string;
  /** The value as JSON text, or null to delete it. */
  json: string | null;
}

/**
 * The linked device's credentials and Signal keys in the local store, each value sealed. The sealing
 * key is a random 32-byte key kept in the keychain (`SecretStore`), so the database alone reveals
 * nothing; Baileys' keys change on every message, far too often to keep each in the keychain itself.
 * `write` is one transaction, so a crash during a `keys.set` leaves all of it or none.
 */
export function createWhatsAppAuthStore(sqlite: Database.Database, workspaceId: string, cipher: SecretCipher) {
  const select = sqlite.prepare('SELECT sealed FROM whatsapp_auth WHERE workspace_id = ? AND category = ? AND key_id = ?').pluck();
  const upsert = sqlite.prepare(`
    INSERT INTO whatsapp_auth (workspace_id, category, key_id, sealed) VALUES (?, ?, ?, ?)
    ON CONFLICT (workspace_id, category, key_id) DO UPDATE SET sealed = excluded.sealed`);
  const remove = sqlite.prepare('DELETE FROM whatsapp_auth WHERE workspace_id = ? AND category = ? AND key_id = ?');
  const removeAll = sqlite.prepare('DELETE FROM whatsapp_auth WHERE workspace_id = ?');
  const entryName = (category: string, keyId: string) => `whatsapp-auth:${category}/${keyId}`;

  const writeSealed = sqlite.transaction((rows: Array<{ category: string; keyId: string; sealed: string | null }>) => {
    for (const row of rows) {
      if (row.sealed === null) remove.run(workspaceId, row.category, row.keyId);
      else upsert.run(workspaceId, row.category, row.keyId, row.sealed);
    }
  });

  return {
    read(category: string, keyId: string): string | null {
      const sealed = select.get(workspaceId, category, keyId) as string | undefined;
      return sealed === undefined ? null : cipher.open(entryName(category, keyId), sealed);
    },
    write(writes: readonly AuthWrite[]): void {
      // Sealed before the transaction opens, so it holds only the writes.
      writeSealed(writes.map((w) => ({ category: w.category, keyId: w.keyId, sealed: w.json === null ? null : cipher.seal(entryName(w.category, w.keyId), w.json) })));
    },
    /** Forgets the linked device (after a logout), so the next start shows a new QR code. */
    clear(): void {
      removeAll.run(workspaceId);
    },
    /** Whether a phone ever completed linking: the credentials then name the account (`me`). */
    isLinked(): boolean {
      const json = this.read('creds', '');
      return json !== null && (JSON.parse(json) as { me?: unknown }).me != null;
    },
  };
}

export type WhatsAppAuthStore = ReturnType<typeof createWhatsAppAuthStore>;

const KEY_LABEL = 'WhatsApp session key in the keychain';

/**
 * The cipher for a workspace's WhatsApp session, with its key from the keychain (made on first use).
 * Throws a `SecretStoreError` that says why when this machine has no keychain to keep it in.
 */
export function openWhatsAppAuthCipher(secrets: SecretStore, workspaceId: string): SecretCipher {
  if (secrets.unavailableReason) throw new SecretStoreError(`WhatsApp cannot be linked: ${secrets.unavailableReason}`);
  const name = `whatsapp-auth-key:${workspaceId}`;
  let keyText = secrets.get(name);
  if (keyText === null) {
    keyText = randomBytes(32).toString('base64');
    secrets.set(name, keyText);
  }
  return createAesGcmCipher(Buffer.from(keyText, 'base64'), KEY_LABEL);
}
