import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';

/** The sync-server's blob store, as one PC of the team reaches it. */
export interface TeamBlobServer {
  serverUrl: string;
  token: string;
}

interface TeamBlobs {
  server: TeamBlobServer;
  outgoing: string;
  draining: Promise<void> | null;
  onError: (error: unknown) => void;
}

/** By blob folder: every BlobStore over one data folder (core, email, WhatsApp) shares its team link. */
const teams = new Map<string, TeamBlobs>();

/**
 * Ties a data folder's blobs to the team's server: every blob stored from now on is shared with it
 * (marked in `outgoing/` first, so a restart finishes the upload), and a blob this PC lacks is fetched
 * from it on demand. Large bodies never travel in the shared documents (DESIGN.md, "Shared state").
 */
export function shareBlobsWithTeam(root: string, server: TeamBlobServer, onError: (error: unknown) => void): () => void {
  const outgoing = path.join(root, 'outgoing');
  mkdirSync(outgoing, { recursive: true });
  const team: TeamBlobs = { server, outgoing, draining: null, onError };
  teams.set(root, team);
  drain(root, team);
  return () => teams.delete(root);
}

/** Marks every blob already stored for upload: what a PC held before it joined reaches the team too. */
export function markAllForUpload(root: string): void {
  const outgoing = path.join(root, 'outgoing');
  mkdirSync(outgoing, { recursive: true });
  for (const prefix of readdirSync(root).filter((name) => /^[0-9a-f]{2}$/.test(name))) {
    for (const sha256 of readdirSync(path.join(root, prefix))) writeFileSync(path.join(outgoing, sha256), '');
  }
}

/** Called by the blob store after it stored a blob. */
export function blobStored(root: string, sha256: string): void {
  const team = teams.get(root);
  if (!team) return;
  writeFileSync(path.join(team.outgoing, sha256), '');
  drain(root, team);
}

/** The bytes from the team's server, checked against their address; null with no team or no such blob. */
export async function fetchTeamBlob(root: string, sha256: string): Promise<Uint8Array | null> {
  const team = teams.get(root);
  if (!team) return null;
  const response = await fetch(`${team.server.serverUrl}/blobs/${sha256}`, { headers: { authorization: `Bearer ${team.server.token}` }, signal: AbortSignal.timeout(60_000) });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`The sync server answered ${response.status} for a file.`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new Error('The sync server sent a file that does not match its address.');
  return bytes;
}

function drain(root: string, team: TeamBlobs): void {
  if (team.draining) return;
  team.draining = uploadMarked(root, team)
    .catch(team.onError)
    .finally(() => {
      team.draining = null;
    });
}

/** Uploads marked blobs one at a time; a failure leaves the rest marked for the next drain. */
async function uploadMarked(root: string, team: TeamBlobs): Promise<void> {
  for (let marked = readdirSync(team.outgoing); marked.length > 0 && teams.get(root) === team; marked = readdirSync(team.outgoing)) {
    for (const sha256 of marked) {
      const bytes = await readFile(path.join(root, sha256.slice(0, 2), sha256)).catch(() => null);
      if (bytes) await upload(team.server, sha256, bytes);
      await rm(path.join(team.outgoing, sha256), { force: true });
    }
  }
}

async function upload(server: TeamBlobServer, sha256: string, bytes: Uint8Array): Promise<void> {
  const response = await fetch(`${server.serverUrl}/blobs/${sha256}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/octet-stream' },
    body: bytes,
    signal: AbortSignal.timeout(120_000),
  });
  if (!response.ok) throw new Error(`The sync server refused a file (${response.status}).`);
}
