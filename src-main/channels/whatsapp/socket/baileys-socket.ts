// @whiskeysockets/baileys is pinned to 7.0.0-rc14 exactly (package.json): the 6.x line depends on
// GitHub git URLs that cannot install from the npm registry, and 7.x is still a release-candidate
// line whose minor steps change event shapes (LID addressing: senderLid → remoteJidAlt). Upgrade it
// deliberately, replaying ../shared/corpus/whatsapp through tests/unit/whatsapp.
import type { Baileys } from './baileys-runtime';
import { quietLogger } from './quiet-logger';
import type { MakeWaSocket, WaSocket } from './wa-socket';

/** The real linked-device socket; only the shells (host, desktop) hand this to the channel. */
export function baileysSocketMaker({ makeWASocket, makeCacheableSignalKeyStore, Browsers }: Baileys): MakeWaSocket {
  return ({ auth, getMessage }) => {
    const logger = quietLogger('[switchboard] whatsapp');
    const socket: WaSocket = makeWASocket({
      auth: { creds: auth.creds, keys: makeCacheableSignalKeyStore(auth.keys, logger) },
      getMessage,
      logger,
      browser: Browsers.appropriate('Switchboard'),
      // The shop's phone keeps getting notifications; the PC is a quiet companion.
      markOnlineOnConnect: false,
      syncFullHistory: false,
    });
    return socket;
  };
}
