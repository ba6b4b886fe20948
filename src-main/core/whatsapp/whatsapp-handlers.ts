import type { Handlers } from '../api/dispatch';
import type { WhatsAppService } from './whatsapp-service';

export function createWhatsAppHandlers(whatsapp: WhatsAppService): Pick<Handlers, 'whatsapp.link.get' | 'whatsapp.link.start' | 'whatsapp.link.remove'> {
  return {
    'whatsapp.link.get': () => whatsapp.link(),
    'whatsapp.link.start': () => whatsapp.startLinking(),
    'whatsapp.link.remove': () => whatsapp.unlink(),
  };
}
