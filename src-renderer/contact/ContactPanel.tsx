import { useThreadStore } from '../stores/thread-store';
import { IdentityList } from './IdentityList';
import { MergeContact } from './MergeContact';
import { MergeNotice } from './MergeNotice';

export function ContactPanel() {
  const contact = useThreadStore((state) => state.detail?.contact ?? null);
  // The notice comes first in both branches, so it stays mounted while another conversation loads.
  if (contact === null) {
    return (
      <aside className="contact-panel contact-panel--empty" aria-label="Contact">
        <MergeNotice />
      </aside>
    );
  }
  return (
    <aside className="contact-panel" aria-label="Contact" data-testid="contact-panel">
      <MergeNotice />
      <h2 className="contact-panel__name">{contact.displayName}</h2>
      {contact.company && <p className="contact-panel__company">{contact.company}</p>}
      {contact.address && (
        <section className="contact-section">
          <h3 className="contact-section__title">Address</h3>
          <p className="contact-panel__address">{contact.address}</p>
        </section>
      )}
      <IdentityList title="Phone" identities={contact.identities.filter((i) => i.kind === 'phone')} />
      <IdentityList title="Email" identities={contact.identities.filter((i) => i.kind === 'email')} />
      <IdentityList title="WhatsApp" identities={contact.identities.filter((i) => i.kind === 'whatsapp')} />
      {/* Keyed so a half-made choice never carries over to the next contact opened. */}
      <MergeContact key={contact.id} contact={contact} />
    </aside>
  );
}
