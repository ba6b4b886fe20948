import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { SecretCipher } from './secret-cipher';
import { SecretStoreError } from './secret-store';

const FORMAT = 'a256gcm';

/**
 * AES-256-GCM with a fresh 96-bit nonce per value and the entry name as authenticated data. Each
 * sealed value names a key id (an HMAC of a fixed label, which reveals nothing of the key), so a
 * wrong key is told apart from a changed file: GCM alone would say only "cannot decrypt".
 */
export function createAesGcmCipher(key: Buffer, keyLabel: string): SecretCipher {
  if (key.length !== 32) throw new Error('AES-256 needs a 32-byte key');
  const keyId = createHmac('sha256', key).update('switchboard secret key id').digest('base64url').slice(0, 16);
  const encode = (bytes: Buffer) => bytes.toString('base64url');

  return {
    seal(name, value) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(Buffer.from(name, 'utf8'));
      const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      return [FORMAT, keyId, encode(nonce), encode(data), encode(cipher.getAuthTag())].join('.');
    },

    open(name, sealed) {
      const [format, sealedKeyId, nonce, data, tag, ...rest] = sealed.split('.');
      if (format !== FORMAT || nonce === undefined || data === undefined || tag === undefined || rest.length > 0) {
        throw new SecretStoreError(`The saved secret "${name}" is damaged or was not written by Switchboard.`);
      }
      if (sealedKeyId !== keyId) {
        throw new SecretStoreError(
          `The saved secret "${name}" was encrypted with a different ${keyLabel}. Start Switchboard with the key it was saved with, or enter the password again.`,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
        decipher.setAAD(Buffer.from(name, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretStoreError(`The saved secret "${name}" has been changed or damaged since it was saved; enter the password again.`);
      }
    },
  };
}
