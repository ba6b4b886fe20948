import type { FetchMessageObject, ImapFlow, MailboxObject } from 'imapflow';
import type { FolderCheckpoint, SyncedEmail } from '../../../core/email/email-batch';
import type { EmailAccount } from '../../../core/email/email-account-repo';
import type { EmailStore } from '../../../core/email/email-store';
import { stableIds } from '../../../core/ingest/stable-ids';
import type { ParseMessages } from './parse-pool';
import { fetchChunk, readChunk } from './read-chunk';
import type { SyncFolder } from './sync-folders';
import type { SyncOptions, SyncStats } from './sync-options';

export interface FolderSyncDeps {
  client: ImapFlow;
  account: EmailAccount;
  emailStore: EmailStore;
  options: SyncOptions;
  stats: SyncStats;
  parse: ParseMessages;
}

/** `recent` stops before the older backfill, so every folder's recent mail comes before any old mail. */
export type SyncDepth = 'recent' | 'all';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Brings one folder's mail into the store: new mail since the last sync (upwards from `lastUid`), flag
 * changes and expunges through CONDSTORE/QRESYNC, then the backfill, newest first (downwards from `backfillBelowUid`). Each
 * chunk is committed with the checkpoint that says it is done, in order, so a sync killed anywhere
 * resumes where its last commit left off. A new UIDVALIDITY makes every stored UID meaningless: the folder starts
 * over, and stable ids turn the messages already stored into no-ops.
 */
export async function syncFolder(deps: FolderSyncDeps, folder: SyncFolder, depth: SyncDepth): Promise<void> {
  const mailbox = await deps.client.mailboxOpen(folder.path, { readOnly: true });
  let checkpoint = deps.emailStore.checkpoint(deps.account.id, folder.path);
  if (!checkpoint || checkpoint.uidValidity !== Number(mailbox.uidValidity)) {
    checkpoint = commit(deps, freshCheckpoint(deps, folder, mailbox), []);
  }
  checkpoint = await syncNewer(deps, folder, checkpoint);
  checkpoint = await syncFlags(deps, mailbox, checkpoint);
  await backfill(deps, folder, checkpoint, depth);
}

function freshCheckpoint(deps: FolderSyncDeps, folder: SyncFolder, mailbox: MailboxObject): FolderCheckpoint {
  const now = Date.now();
  const horizon = new Date(now);
  horizon.setMonth(horizon.getMonth() - deps.options.horizonMonths);
  return {
    accountId: deps.account.id,
    path: folder.path,
    role: folder.role,
    uidValidity: Number(mailbox.uidValidity),
    lastUid: mailbox.uidNext - 1,
    highestModseq: mailbox.highestModseq?.toString() ?? null,
    backfillPhase: 'recent',
    backfillBelowUid: mailbox.uidNext,
    recentSince: now - deps.options.recentDays * DAY_MS,
    horizonSince: horizon.getTime(),
    updatedAt: now,
  };
}

async function syncNewer(deps: FolderSyncDeps, folder: SyncFolder, start: FolderCheckpoint): Promise<FolderCheckpoint> {
  let checkpoint = start;
  for (;;) {
    // `n:*` always matches the highest UID, even below n, hence the filter.
    const found = (await deps.client.search({ uid: `${checkpoint.lastUid + 1}:*` }, { uid: true })) || [];
    const uids = found.filter((uid) => uid > checkpoint.lastUid).sort((a, b) => a - b);
    if (uids.length === 0) return checkpoint;
    checkpoint = await syncChunks(deps, folder, checkpoint, uids, (done, chunk) => ({ ...done, lastUid: Math.max(...chunk) }));
  }
}

/**
 * Messages read in another mail client are marked read here too; read marks only move forward. With
 * QRESYNC the same CHANGEDSINCE fetch reports, by UID, the messages expunged since (deleted, or moved
 * to a folder Switchboard does not sync): they are recorded as removed, and their entries stay.
 */
async function syncFlags(deps: FolderSyncDeps, mailbox: MailboxObject, checkpoint: FolderCheckpoint): Promise<FolderCheckpoint> {
  const current = mailbox.highestModseq;
  if (current === undefined || !deps.client.capabilities.has('CONDSTORE')) return checkpoint;
  if (checkpoint.highestModseq !== null && current <= BigInt(checkpoint.highestModseq)) return checkpoint;
  const seenIds: string[] = [];
  const removedUids: number[] = [];
  if (checkpoint.highestModseq !== null && checkpoint.lastUid > 0) {
    const onExpunge = (event: { uid?: number; vanished: boolean; path: string }) => {
      if (event.vanished && event.uid !== undefined && event.path === mailbox.path) removedUids.push(event.uid);
    };
    deps.client.on('expunge', onExpunge);
    try {
      const changed = await deps.client.fetchAll(
        `1:${checkpoint.lastUid}`,
        { uid: true, flags: true, envelope: true },
        { uid: true, changedSince: BigInt(checkpoint.highestModseq) },
      );
      for (const message of changed) {
        const messageId = message.envelope?.messageId;
        if (messageId && message.flags?.has('\\Seen')) seenIds.push(stableIds.email(messageId));
      }
    } finally {
      deps.client.off('expunge', onExpunge);
    }
  }
  return commit(deps, { ...checkpoint, highestModseq: current.toString() }, [], seenIds, removedUids);
}

async function backfill(deps: FolderSyncDeps, folder: SyncFolder, start: FolderCheckpoint, depth: SyncDepth): Promise<void> {
  let checkpoint = start;
  while (checkpoint.backfillPhase === 'recent' || (checkpoint.backfillPhase === 'older' && depth === 'all')) {
    const below = checkpoint.backfillBelowUid;
    const window =
      checkpoint.backfillPhase === 'recent'
        ? { since: new Date(checkpoint.recentSince) }
        : { since: new Date(checkpoint.horizonSince), before: new Date(checkpoint.recentSince) };
    const found = below > 1 ? (await deps.client.search({ uid: `1:${below - 1}`, ...window }, { uid: true })) || [] : [];
    const uids = found.filter((uid) => uid < below).sort((a, b) => b - a);
    if (uids.length === 0) {
      const next =
        checkpoint.backfillPhase === 'recent'
          ? { backfillPhase: 'older' as const, backfillBelowUid: checkpoint.lastUid + 1 }
          : { backfillPhase: 'done' as const };
      checkpoint = commit(deps, { ...checkpoint, ...next }, []);
      continue;
    }
    checkpoint = await syncChunks(deps, folder, checkpoint, uids, (done, chunk) => ({ ...done, backfillBelowUid: Math.min(...chunk) }));
  }
}

interface ChunkInFlight {
  emails: Promise<SyncedEmail[]>;
  /** Where the folder stands once this chunk is committed. */
  checkpoint: FolderCheckpoint;
}

/**
 * The first chunks of a pass are committed one by one, so the newest mail (a few days of a shop's
 * mail) is listed as soon as it is parsed; after them commits grow to LARGEST_COMMIT_IN_CHUNKS, since
 * fewer, larger transactions cost SQLite (and its FTS index) less.
 */
const FIRST_CHUNKS_ALONE = 4;
const LARGEST_COMMIT_IN_CHUNKS = 8;
/** Chunks fetched ahead of the one being committed, so the parsers never wait for the main thread. */
const CHUNKS_AHEAD = 2;

/**
 * Reads `uids` chunk by chunk, in the order given, and commits them in that order with the checkpoint
 * `advance` makes of the last one committed. The next chunks are fetched while the parse pool works on
 * the ones before, so the IMAP connection, the parsers and SQLite work at the same time. After the
 * first FIRST_CHUNKS_ALONE chunks each commit holds twice as many as the one before. What is read but
 * not committed yet is only fetched again by a sync killed meanwhile.
 */
async function syncChunks(
  deps: FolderSyncDeps,
  folder: SyncFolder,
  start: FolderCheckpoint,
  uids: number[],
  advance: (checkpoint: FolderCheckpoint, chunk: number[]) => FolderCheckpoint,
): Promise<FolderCheckpoint> {
  let committed = start;
  // Read and not committed yet: the emails of `readChunks` chunks.
  let readEmails: SyncedEmail[] = [];
  let readChunks = 0;
  let commits = 0;
  let commitEvery = 1;
  const collect = async (chunk: ChunkInFlight, last: boolean) => {
    readEmails.push(...(await chunk.emails));
    if (++readChunks < commitEvery && !last) return;
    committed = commit(deps, chunk.checkpoint, readEmails);
    readEmails = [];
    readChunks = 0;
    if (++commits >= FIRST_CHUNKS_ALONE) commitEvery = Math.min(commitEvery * 2, LARGEST_COMMIT_IN_CHUNKS);
  };
  const inFlight: ChunkInFlight[] = [];
  let fetchedUpTo = start;
  for (let at = 0; at < uids.length; at += deps.options.chunkSize) {
    const chunk = uids.slice(at, at + deps.options.chunkSize);
    const fetched = await fetchChunk(deps.client, chunk);
    fetchedUpTo = advance(fetchedUpTo, chunk);
    const next: ChunkInFlight = { emails: readFetched(deps, folder, fetched), checkpoint: fetchedUpTo };
    // Awaited below, once the chunks before it are collected; until then a failure must not go unhandled.
    next.emails.catch(() => {});
    inFlight.push(next);
    if (inFlight.length > CHUNKS_AHEAD) await collect(inFlight.shift()!, false);
  }
  while (inFlight.length > 0) await collect(inFlight.shift()!, inFlight.length === 0);
  return committed;
}

async function readFetched(deps: FolderSyncDeps, folder: SyncFolder, fetched: FetchMessageObject[]): Promise<SyncedEmail[]> {
  const context = { role: folder.role, path: folder.path, ownAddress: deps.account.address, blobs: deps.emailStore.blobs, parse: deps.parse };
  const chunk = await readChunk(fetched, context);
  deps.stats.messages += chunk.emails.length;
  deps.stats.bytes += chunk.bytes;
  return chunk.emails;
}

function commit(deps: FolderSyncDeps, checkpoint: FolderCheckpoint, emails: SyncedEmail[], seenIds: string[] = [], removedUids: number[] = []): FolderCheckpoint {
  const stamped = { ...checkpoint, updatedAt: Date.now() };
  deps.emailStore.sink.commit({ accountId: deps.account.id, emails, seenIds, removedUids, checkpoint: stamped });
  return stamped;
}
