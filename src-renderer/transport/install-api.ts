import { WsTransport } from './ws-transport';

const TOKEN_STORAGE_KEY = 'switchboard.token';

/**
 * The host prints `http://127.0.0.1:PORT/#token=…`. The token is kept in sessionStorage so a reload still
 * connects, and removed from the address bar so it does not linger in history or screenshots.
 */
function takeAccessToken(): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, fromHash);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY);
}

export type InstalledApi =
  | { kind: 'preload' }
  | { kind: 'websocket'; transport: WsTransport; hasToken: boolean };

/** In Electron the preload already defined `window.switchboard`; in a browser we talk to the host. */
export function installApi(): InstalledApi {
  if (typeof window.switchboard !== 'undefined') return { kind: 'preload' };
  const token = takeAccessToken();
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const transport = new WsTransport(`${scheme}://${location.host}/api?token=${encodeURIComponent(token ?? '')}`);
  window.switchboard = transport;
  return { kind: 'websocket', transport, hasToken: token !== null };
}
