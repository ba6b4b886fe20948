import { z } from 'zod';
import { API_ERROR_CODES } from './result';

/** Messages on the host's WebSocket. Electron IPC carries the same request and result shapes (ipc-channels.ts). */
export const clientMessage = z.object({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  name: z.string().max(100),
  input: z.unknown(),
});
export type ClientMessage = z.infer<typeof clientMessage>;

const apiResult = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(API_ERROR_CODES), message: z.string() }) }),
]);

export const serverMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('response'), id: z.number().int(), result: apiResult }),
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
]);
export type ServerMessage = z.infer<typeof serverMessage>;

