import type { WhatsAppLink } from '../../../src-shared/domain/whatsapp-link';
import { formatPhoneForDisplay } from '../../../src-shared/identity/phone';

/** The one line Settings → WhatsApp says about the link, in words the person at the desk can act on. */
export function linkStateText(link: WhatsAppLink | null, now: number): string {
  if (!link) return 'Checking WhatsApp…';
  switch (link.state) {
    case 'not_linked':
      return link.reason ?? 'Not linked. Link the shop’s WhatsApp to see its chats here.';
    case 'connecting':
      return link.qr
        ? 'Scan this code with WhatsApp on the shop’s phone: Settings → Linked devices → Link a device. The code changes every 20 seconds.'
        : 'Connecting to WhatsApp…';
    case 'connected':
      return `Connected as ${link.phone ? formatPhoneForDisplay(link.phone) : (link.name ?? 'the shop’s WhatsApp')}.`;
    case 'disconnected': {
      const seconds = Math.max(0, Math.ceil((link.retryAt - now) / 1000));
      return `Disconnected. ${link.reason} ${seconds > 0 ? `Retrying in ${seconds} s.` : 'Retrying now…'}`;
    }
    case 'logged_out':
      return `Logged out. ${link.reason}`;
  }
}
