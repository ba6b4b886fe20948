/**
 * Where secrets live (mail passwords now; WhatsApp auth and sync tokens later): the OS keychain on
 * desktop, a key from the environment on the headless host. Never SQLite, a log line or the renderer
 * (DESIGN.md, "Security baseline"). Calls are synchronous because every implementation is a small
 * local file sealed in memory; a failure throws a `SecretStoreError` whose message is meant for a person.
 */
export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
  /** Why this store cannot keep secrets on this machine, or null when it can. */
  readonly unavailableReason: string | null;
}

/** Says what is wrong and what to do, in words the person at the PC can act on. */
export class SecretStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretStoreError';
  }
}
