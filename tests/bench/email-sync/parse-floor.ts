import { createParsePool } from '../../../src-main/channels/email/sync/parse-pool';
import { DEFAULT_SYNC_OPTIONS } from '../../../src-main/channels/email/sync/sync-options';

/**
 * Seconds the sync's own parse pool takes to parse `messages` held in memory, in the sync's chunks,
 * with `workers` worker threads: no IMAP, no SQLite, no blob store. A full sync parses the same
 * bytes and does more besides, so on this machine it cannot be faster than this.
 */
export async function timeParsingAlone(messages: readonly Buffer[], workers: number): Promise<number> {
  const pool = createParsePool({ workers, idleMs: 60_000 });
  try {
    // Loading mailparser in each worker is start-up, which the comparison leaves out.
    const deadline = performance.now() + 15_000;
    while (pool.running() < workers) {
      if (performance.now() > deadline) throw new Error(`only ${pool.running()} of ${workers} parse workers started`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const started = performance.now();
    const chunks: Promise<unknown[]>[] = [];
    for (let at = 0; at < messages.length; at += DEFAULT_SYNC_OPTIONS.chunkSize) {
      chunks.push(pool.parse(messages.slice(at, at + DEFAULT_SYNC_OPTIONS.chunkSize)));
    }
    const parsed = (await Promise.all(chunks)).flat();
    if (parsed.length !== messages.length) throw new Error(`parsed ${parsed.length} of ${messages.length} messages`);
    return (performance.now() - started) / 1000;
  } finally {
    pool.close();
  }
}
