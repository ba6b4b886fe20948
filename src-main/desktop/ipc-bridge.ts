import { BrowserWindow, ipcMain } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../../src-shared/api/ipc-channels';
import type { Core } from '../core/core.types';
import { createRequestHandler } from './request-handler';
import { isAppRendererUrl } from './trusted-url';

/**
 * Connects the renderer's one request channel to the core and the core's events to every window.
 * The sender is checked per frame, not per window, so an embedded frame (an email's HTML) cannot
 * borrow the page's API. Returns a function that undoes the wiring.
 */
export function wireIpc(core: Core, rendererUrl: string): () => void {
  const isTrusted = (url: string | undefined): boolean => isAppRendererUrl(url, rendererUrl);
  const handle = createRequestHandler(core, isTrusted);

  ipcMain.handle(IPC_REQUEST_CHANNEL, (event, name: unknown, input: unknown) =>
    handle(event.senderFrame?.url, name, input),
  );

  const stopEvents = core.onEvent((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (window.isDestroyed() || contents.isDestroyed()) continue;
      // A page that is not ours (should navigation ever slip through) gets no data.
      if (!isTrusted(contents.getURL())) continue;
      contents.send(IPC_EVENT_CHANNEL, name, payload);
    }
  });

  return () => {
    stopEvents();
    ipcMain.removeHandler(IPC_REQUEST_CHANNEL);
  };
}
