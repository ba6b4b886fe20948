import type { ApiResult } from '../../src-shared/api/result';
import type { EventName, EventPayload } from '../../src-shared/api/events';
import type { ChannelHooks } from './channels/channel-hooks';
import type { SecretStore } from './secrets/secret-store';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** What a shell (Electron main or the headless host) holds: one running core over one data folder. */
export interface Core {
  /** Validates `input` against the contract and runs the handler; never throws. */
  dispatch(name: string, input: unknown): Promise<ApiResult<unknown>>;
  onEvent(listener: EventListener): () => void;
  close(): void;
}

export interface CoreOptions {
  dataDir: string;
  /** Seed a fresh data folder with the sample workspace. */
  demo?: boolean;
  migrationsFolder?: string;
  /** This PC's keychain; without one, passwords cannot be saved. */
  secrets?: SecretStore;
  /**
   * Asks the shell to close this core and open a fresh one over the same folder (after joining a
   * team, the workspace's documents and member change). Without it the person is told to restart.
   */
  requestRestart?: () => void;
  /** The channels this process may run, handed in by the shell; see `ChannelHooks`. */
  channels?: ChannelHooks;
}
