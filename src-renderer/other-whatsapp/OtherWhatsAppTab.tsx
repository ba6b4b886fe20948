import { useOtherWhatsAppStore } from './other-whatsapp-store';

/** The way from the customer inbox to WhatsApp groups, which are never a customer's conversation. */
export function OtherWhatsAppTab() {
  const show = useOtherWhatsAppStore((state) => state.show);
  return (
    <button type="button" className="other-mail-tab" data-testid="other-whatsapp-tab" onClick={show}>
      WhatsApp groups
      <span className="other-mail-tab__hint">groups and broadcasts</span>
    </button>
  );
}
