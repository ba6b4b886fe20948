import { z } from 'zod';

/** Every event main pushes to renderers, declared once; transports check payloads against these. */
export const events = {
  /** Something about these conversations changed: refetch what is on screen. */
  'conversations.changed': z.object({ conversationIds: z.array(z.string()) }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
