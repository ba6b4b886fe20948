import type { SwitchboardApi } from '../src-shared/api/switchboard-api';

declare global {
  interface Window {
    /** Provided by the Electron preload, or installed by `installApi` in the browser build. */
    switchboard: SwitchboardApi;
  }
}

export {};
