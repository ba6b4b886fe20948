import type { Readable } from 'node:stream';
import { z } from 'zod';
import { HttpError } from './http-error';

/** Every request body the API takes is a few short fields; anything bigger is refused unread. */
export const MAX_BODY_BYTES = 16 * 1024;

export async function readLimitedBody(stream: Readable, declaredLength: string | undefined, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  if (declaredLength !== undefined && Number(declaredLength) > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.byteLength;
    if (size > limit) throw tooLarge(limit);
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export function parseJsonBody<T>(body: Uint8Array, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw new HttpError(400, 'The request body must be JSON.');
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new HttpError(400, `Invalid request: ${z.prettifyError(result.error)}`);
  return result.data;
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, `The request body is over the ${limit / 1024} KB limit.`);
}
