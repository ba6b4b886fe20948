import { useEffect } from 'react';
import { useSettingsStore } from '../settings-store';
import { followWhatsAppLink, useWhatsAppLinkStore } from './whatsapp-link-store';

/** A logged-out WhatsApp never stops silently: every screen says so until someone links it again. */
export function WhatsAppRelinkBanner() {
  const link = useWhatsAppLinkStore((state) => state.link);
  useEffect(() => followWhatsAppLink(), []);
  if (link?.state !== 'logged_out') return null;
  return (
    <div className="banner banner--error" role="alert" data-testid="whatsapp-relink-banner">
      WhatsApp is logged out: {link.reason}{' '}
      <button type="button" className="button" onClick={() => useSettingsStore.getState().show()}>
        Open Settings → WhatsApp
      </button>
    </div>
  );
}
