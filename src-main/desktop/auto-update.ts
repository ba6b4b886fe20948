import { app } from 'electron';
import electronUpdater from 'electron-updater';

/**
 * Checks the deployment's update feed in installed builds only (a development run has no feed and
 * no signature to verify). An offline office PC or a bad feed must never take the inbox down,
 * so every failure is logged and swallowed.
 */
export function checkForUpdates(): void {
  if (!app.isPackaged) return;
  try {
    // Default import: electron-updater is CommonJS, and this form works whether bundled or not.
    const { autoUpdater } = electronUpdater;
    autoUpdater.on('error', (error) => console.error('Switchboard: update check failed', error));
    autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => {
      console.error('Switchboard: update check failed', error);
    });
  } catch (error) {
    console.error('Switchboard: the updater could not start', error);
  }
}
