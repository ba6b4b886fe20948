/**
 * A worker thread of the parse pool (parse-pool.ts): parses each batch of raw messages it is sent, one
 * message after the other, and posts the results back in one reply. Every message between threads
 * costs a wake-up of the other thread, so there are two per batch rather than two per email.
 */
import { parentPort } from 'node:worker_threads';
import { loadMailparser, parseEmail } from '../parse/parse-email';
import type { ParseEmailResult } from '../parse/parsed-email';

export interface ParseBatch {
  id: number;
  /** The raw messages back to back, in one buffer moved here from the main thread. */
  bytes: Uint8Array;
  lengths: number[];
}

export type ParseReply = { id: number; results: ParseEmailResult[] } | 'ready';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts only runs as a worker thread of the email parse pool');

// Batches one at a time, in the order sent: parsing many messages side by side only keeps more of
// them in memory at once, which the garbage collector pays for.
let turn = Promise.resolve();
port.on('message', (batch: ParseBatch) => {
  turn = turn.then(async () => {
    const results: ParseEmailResult[] = [];
    let at = 0;
    for (const length of batch.lengths) {
      results.push(await parseEmail(batch.bytes.subarray(at, at + length)));
      at += length;
    }
    // Cloned, not moved: the decoded parts are often slices of buffers Node shares between allocations.
    port.postMessage({ id: batch.id, results } satisfies ParseReply);
  });
});

// Sent once the parser is loaded: a worker that fails before this never could parse (see the pool).
await loadMailparser();
port.postMessage('ready' satisfies ParseReply);
