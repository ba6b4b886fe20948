import type * as Y from 'yjs';
import type { WhatsAppLink } from '../../../src-shared/domain/whatsapp-link';
import { LOCAL_WRITE } from '../sync/shared-timeline';

/** Where each channel the channel host runs stands, for every PC to see: channel → record. */
const CHANNEL_STATES_MAP = 'channelStates';

interface ChannelStateRecord {
  loggedOut: boolean;
  reason: string | null;
  at: number;
}

/**
 * A logged-out WhatsApp must show on every PC, not only on the channel host that holds the link:
 * the host puts the state in the workspace document, and a PC without the link shows it as its own.
 */
export function shareWhatsAppLink(doc: Y.Doc, hostLink: () => WhatsAppLink, onTeamLink: (link: WhatsAppLink) => void) {
  const states = doc.getMap<ChannelStateRecord>(CHANNEL_STATES_MAP);
  const view = (): WhatsAppLink => {
    const local = hostLink();
    const shared = states.get('whatsapp');
    if (local.state !== 'not_linked' || !shared?.loggedOut) return local;
    return { state: 'logged_out', reason: `${shared.reason ?? 'WhatsApp ended the session'} (on the channel host)` };
  };
  const onChange = (_event: Y.YMapEvent<ChannelStateRecord>, transaction: Y.Transaction) => {
    if (transaction.origin !== LOCAL_WRITE) onTeamLink(view());
  };
  states.observe(onChange);
  return {
    /** The link as this PC shows it: its own, or the channel host's when this PC holds none. */
    view,
    /** Called by the channel host when its link changes. */
    publish(link: WhatsAppLink): void {
      if (link.state !== 'logged_out' && link.state !== 'connected') return;
      const record = { loggedOut: link.state === 'logged_out', reason: link.state === 'logged_out' ? link.reason : null, at: Date.now() };
      doc.transact(() => states.set('whatsapp', record), LOCAL_WRITE);
    },
    stop: () => states.unobserve(onChange),
  };
}
