import type { Identity } from '../../src-shared/domain/contact';
import { formatPhoneForDisplay } from '../../src-shared/identity/phone';

/** A WhatsApp JID is the phone number followed by @s.whatsapp.net: show it as the number. */
function whatsappNumber(jid: string): string {
  const digits = jid.split('@')[0] ?? jid;
  return /^\d+$/.test(digits) ? formatPhoneForDisplay(`+${digits}`) : jid;
}

export function identityDisplay(identity: Identity): string {
  switch (identity.kind) {
    case 'phone': {
      const number = formatPhoneForDisplay(identity.value);
      return identity.extension ? `${number} ext. ${identity.extension}` : number;
    }
    case 'whatsapp':
      return whatsappNumber(identity.value);
    case 'email':
      return identity.value;
  }
}
