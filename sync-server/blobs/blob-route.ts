import { createHash } from 'node:crypto';
import { authenticate } from '../auth/members';
import { bearerToken } from '../auth/tokens';
import type { ServerDb } from '../store/server-db';
import type { BlobStore } from './blob-store';

export const BLOB_PATH = /^\/blobs\/([0-9a-f]{64})$/;

/** The largest file a PC may hand the server (the email composer's own limit is 10 MB per email). */
export const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;

/**
 * `GET /blobs/<sha256>` with a member's token: the bytes, when the member's workspace references the
 * blob. PCs fetch media on demand this way and cache it; the content address never changes.
 */
export function blobRoute(db: ServerDb, blobs: BlobStore): (request: Request) => Promise<Response> {
  return async (request) => {
    const sha256 = BLOB_PATH.exec(new URL(request.url).pathname)?.[1];
    if ((request.method !== 'GET' && request.method !== 'PUT') || !sha256) return json(404, 'Not found.');
    const token = bearerToken(request.headers.get('authorization') ?? undefined);
    const member = token ? authenticate(db, token) : null;
    if (!member) return json(401, 'A valid member token is required.');
    if (request.method === 'PUT') return upload(blobs, member.workspaceId, sha256, request);
    const blob = await blobs.read(member.workspaceId, sha256);
    if (!blob) return json(404, 'This workspace holds no such blob.');
    return new Response(blob.bytes, {
      status: 200,
      headers: { 'Content-Type': blob.contentType, 'Content-Length': String(blob.size), 'Cache-Control': 'private, max-age=31536000, immutable' },
    });
  };
}

/**
 * `PUT /blobs/<sha256>`: a PC shares an attachment or an email's HTML with its team. The bytes must
 * hash to the address, so a member cannot put other bytes under a name someone else will fetch.
 */
async function upload(blobs: BlobStore, workspaceId: string, sha256: string, request: Request): Promise<Response> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_UPLOAD_BYTES) return json(413, `A file may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_UPLOAD_BYTES) return json(413, `A file may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) return json(400, 'The bytes do not match their sha256 address.');
  await blobs.put(workspaceId, bytes, request.headers.get('content-type') ?? 'application/octet-stream');
  return new Response(null, { status: 204 });
}

function json(status: number, error: string): Response {
  return new Response(JSON.stringify({ error }), { status, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
