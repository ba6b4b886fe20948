import { app, BrowserWindow, dialog, session } from 'electron';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '../core/core.types';
import { emailChannelHooks } from '../channels/email/email-channel-hooks';
import { baileysChannelHooks } from '../channels/whatsapp/whatsapp-channel-hooks';
import { createCore } from '../core/create-core';
import { createRestartableCore } from '../core/restartable-core';
import { checkForUpdates } from './auto-update';
import { bundlePaths } from './bundle-paths';
import { applySessionSecurity } from './content-security-policy';
import { wireIpc } from './ipc-bridge';
import { openKeychainSecretStore } from './keychain-secret-store';
import { isDemoRequested } from './launch-options';
import { createMainWindow, revealWindow } from './main-window';

// Main is bundled to CommonJS (dist/desktop/main.cjs), so __dirname is the bundle's own folder.
const paths = bundlePaths(__dirname);

let core: Core | undefined;
let unwireIpc: (() => void) | undefined;
let mainWindow: BrowserWindow | undefined;

// Two processes on one data folder would fight over SQLite and the channel sessions.
if (app.requestSingleInstanceLock()) {
  // Belt and braces: every renderer is sandboxed even if a window forgets to ask.
  app.enableSandbox();
  app.on('second-instance', () => {
    if (mainWindow && !mainWindow.isDestroyed()) revealWindow(mainWindow);
    else if (core) showWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) showWindow();
  });
  app.on('will-quit', shutDown);
  app.whenReady().then(start).catch(failToStart);
} else {
  app.quit();
}

function start(): void {
  // SWITCHBOARD_DATA lets scripts/run.sh keep a demo apart from real data, as the host's --data does.
  const dataDir = process.env.SWITCHBOARD_DATA ?? path.join(app.getPath('userData'), 'data');
  mkdirSync(dataDir, { recursive: true });
  const created: Core = createRestartableCore((requestRestart) => createCore({
    dataDir,
    requestRestart,
    demo: isDemoRequested(process.argv, process.env),
    // Passed explicitly: the core's own lookup relies on import.meta.url, which a CommonJS bundle lacks.
    // getAppPath() is the repository in development and app.asar once installed; both hold migrations/.
    migrationsFolder: process.env.SWITCHBOARD_MIGRATIONS ?? path.join(app.getAppPath(), 'migrations'),
    secrets: openKeychainSecretStore(dataDir),
    channels: { email: emailChannelHooks, whatsapp: baileysChannelHooks },
  }));
  core = created;
  applySessionSecurity(session.defaultSession);
  unwireIpc = wireIpc(created, paths.rendererUrl);
  showWindow();
  checkForUpdates();
}

function showWindow(): void {
  mainWindow = createMainWindow(paths);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

function shutDown(): void {
  unwireIpc?.();
  unwireIpc = undefined;
  core?.close();
  core = undefined;
}

// E.g. a data folder written by a newer version: say so plainly instead of dying silently.
function failToStart(error: unknown): void {
  console.error('Switchboard could not start', error);
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Switchboard could not start', message);
  shutDown();
  app.exit(1);
}
