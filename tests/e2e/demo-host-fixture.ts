import { test as base } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHost, type RunningHost } from './host-process';

export interface DemoHost {
  /** The address the host printed, token included. */
  url: string;
  /** Stops the host and starts it again on the same data folder; returns the new address. */
  restart(): Promise<string>;
}

/** Each test gets its own demo data folder and host process, stopped and removed afterwards. */
export const test = base.extend<{ demoHost: DemoHost }>({
  demoHost: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-e2e-'));
    let host: RunningHost = await startHost(dataDir, ['--demo']);
    const demoHost: DemoHost = {
      url: host.url,
      restart: async () => {
        await host.stop();
        host = await startHost(dataDir, ['--demo']);
        demoHost.url = host.url;
        return host.url;
      },
    };
    await use(demoHost);
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
export const ARTIFACTS = 'test-results/artifacts';
