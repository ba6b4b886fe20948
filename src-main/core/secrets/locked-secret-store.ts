import { SecretStoreError, type SecretStore } from './secret-store';

/** Stands in where no safe key exists: every use fails with `reason`, which says how to provide one. */
export function createLockedSecretStore(reason: string): SecretStore {
  const refuse = (): never => {
    throw new SecretStoreError(reason);
  };
  return { get: refuse, set: refuse, delete: refuse, unavailableReason: reason };
}
