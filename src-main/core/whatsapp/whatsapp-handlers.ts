import type { Member } from '../../../src-shared/domain/workspace';
import type { Handlers } from '../api/dispatch';
import type { WhatsAppService } from './whatsapp-service';

export function createWhatsAppHandlers(
  whatsapp: WhatsAppService,
  me: Member,
): Pick<Handlers, 'whatsapp.link.get' | 'whatsapp.link.start' | 'whatsapp.link.remove' | 'whatsapp.send' | 'whatsapp.other.list'> {
  return {
    'whatsapp.link.get': () => whatsapp.link(),
    'whatsapp.link.start': () => whatsapp.startLinking(),
    'whatsapp.link.remove': () => whatsapp.unlink(),
    'whatsapp.send': (input) => whatsapp.send(me, input),
    'whatsapp.other.list': ({ query, limit, before }) => whatsapp.other(query ?? '', limit, before),
  };
}
