import { useThreadStore } from '../stores/thread-store';
import { IdentityList } from './IdentityList';

export function ContactPanel() {
  const contact = useThreadStore((state) => state.detail?.contact ?? null);
  if (contact === null) return <aside className="contact-panel contact-panel--empty" aria-label="Contact" />;
  return (
    <aside className="contact-panel" aria-label="Contact" data-testid="contact-panel">
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
    </aside>
  );
}
