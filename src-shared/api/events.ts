import { z } from 'zod';
import { whatsappLink } from '../domain/whatsapp-link';

/** Every event main pushes to renderers, declared once; transports check payloads against these. */
export const events = {
  /** Something about these conversations changed: refetch what is on screen. */
  'conversations.changed': z.object({ conversationIds: z.array(z.string()) }),
  /** The WhatsApp link changed: a new QR code, connected, retrying, or logged out (re-link banner). */
  'whatsapp.link': z.object({ link: whatsappLink }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
