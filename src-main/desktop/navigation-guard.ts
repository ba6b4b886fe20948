import { shell, type WebContents } from 'electron';
import { isAppRendererUrl, isOpenableExternalUrl } from './trusted-url';

/**
 * The window only ever shows the app's own page. A link the user follows (in an email, say) goes to
 * the system browser if it is a plain web link, and nowhere otherwise; new Electron windows are never made.
 */
export function guardNavigation(contents: WebContents, rendererUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppRendererUrl(url, rendererUrl)) return;
    event.preventDefault();
    openExternally(url);
  });

  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

function openExternally(url: string): void {
  if (!isOpenableExternalUrl(url)) return;
  shell.openExternal(url).catch((error: unknown) => {
    // The URL itself stays out of the log: links can carry tokens.
    console.error('Switchboard: could not open a link in the system browser', error);
  });
}
