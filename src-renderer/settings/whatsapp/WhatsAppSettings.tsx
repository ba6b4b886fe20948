import { useEffect, useId } from 'react';
import { useNow } from '../../app/use-now';
import { linkStateText } from './link-state-text';
import { followWhatsAppLink, useWhatsAppLinkStore } from './whatsapp-link-store';

export function WhatsAppSettings() {
  const id = useId();
  const { link, busy, error, start, remove } = useWhatsAppLinkStore();
  const now = useNow(1_000);
  useEffect(() => followWhatsAppLink(), []);
  const state = link?.state ?? 'unknown';
  // Unlinking forgets the session, so the button says so unless only a QR code is being shown.
  const unlinkLabel = state === 'connected' ? 'Unlink this PC' : link?.state === 'connecting' && link.qr ? 'Cancel' : 'Stop and unlink';
  const linked = state === 'connected' || state === 'disconnected' || (state === 'connecting' && link?.state === 'connecting' && link.qr === null);

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`} data-testid="whatsapp-settings">
      <h2 id={`${id}-title`} className="settings-section__title">
        WhatsApp
      </h2>
      <p className="email-status" role="status" data-testid="whatsapp-status" data-state={state}>
        {linkStateText(link, now)}
      </p>
      {link?.state === 'connecting' && link.qr && (
        <img className="whatsapp-qr" src={link.qr.image} alt="QR code to link WhatsApp" data-testid="whatsapp-qr" data-qr={link.qr.value} />
      )}
      {error && (
        <p className="settings-form__error" role="alert" data-testid="whatsapp-error">
          {error}
        </p>
      )}
      <div className="whatsapp-actions">
        {(state === 'not_linked' || state === 'logged_out' || state === 'unknown') && (
          <button type="button" className="button button--primary" data-testid="whatsapp-link" disabled={busy} onClick={() => void start()}>
            {state === 'logged_out' ? 'Link again' : 'Link WhatsApp'}
          </button>
        )}
        {(linked || link?.state === 'connecting') && (
          <button type="button" className="button" data-testid="whatsapp-unlink" disabled={busy} onClick={() => void remove()}>
            {unlinkLabel}
          </button>
        )}
      </div>
    </section>
  );
}
