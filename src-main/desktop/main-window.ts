import { BrowserWindow } from 'electron';
import type { BundlePaths } from './bundle-paths';
import { guardNavigation } from './navigation-guard';

/** The one inbox window, locked down per the security baseline. */
export function createMainWindow(paths: BundlePaths): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'Switchboard',
    // Shown once painted so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: paths.preload,
    },
  });

  guardNavigation(window.webContents, paths.rendererUrl);
  window.once('ready-to-show', () => window.show());
  window.loadFile(paths.rendererIndex).catch((error: unknown) => {
    console.error('Switchboard: the inbox page failed to load', error);
  });
  return window;
}

/** Brings an existing window to the front, e.g. when the user launches the app a second time. */
export function revealWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
