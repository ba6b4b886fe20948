import { z } from 'zod';
import { whatsappLink } from '../domain/whatsapp-link';
import { syncState } from '../domain/team';

/** Every event main pushes to renderers, declared once; transports check payloads against these. */
export const events = {
  /** Something about these conversations changed: refetch what is on screen. */
  'conversations.changed': z.object({ conversationIds: z.array(z.string()) }),
  /** The WhatsApp link changed: a new QR code, connected, retrying, or logged out (re-link banner). */
  'whatsapp.link': z.object({ link: whatsappLink }),
  /** The link to the sync-server changed state (connecting, synced, offline since, refused). */
  'team.sync': z.object({ sync: syncState.nullable() }),
  /** The workspace or this PC's member changed (it joined a team): reload everything. */
  'session.changed': z.object({}),
  /** The workspace's name or its member list changed: fetch the session again. */
  'session.updated': z.object({}),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
