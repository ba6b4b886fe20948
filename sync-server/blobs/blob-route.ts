import { authenticate } from '../auth/members';
import { bearerToken } from '../auth/tokens';
import type { ServerDb } from '../store/server-db';
import type { BlobStore } from './blob-store';

export const BLOB_PATH = /^\/blobs\/([0-9a-f]{64})$/;

/**
 * `GET /blobs/<sha256>` with a member's token: the bytes, when the member's workspace references the
 * blob. PCs fetch media on demand this way and cache it; the content address never changes.
 */
export function blobRoute(db: ServerDb, blobs: BlobStore): (request: Request) => Promise<Response> {
  return async (request) => {
    const sha256 = BLOB_PATH.exec(new URL(request.url).pathname)?.[1];
    if (request.method !== 'GET' || !sha256) return json(404, 'Not found.');
    const token = bearerToken(request.headers.get('authorization') ?? undefined);
    const member = token ? authenticate(db, token) : null;
    if (!member) return json(401, 'A valid member token is required.');
    const blob = await blobs.read(member.workspaceId, sha256);
    if (!blob) return json(404, 'This workspace holds no such blob.');
    return new Response(blob.bytes, {
      status: 200,
      headers: { 'Content-Type': blob.contentType, 'Content-Length': String(blob.size), 'Cache-Control': 'private, max-age=31536000, immutable' },
    });
  };
}

function json(status: number, error: string): Response {
  return new Response(JSON.stringify({ error }), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
