import { Worker } from 'node:worker_threads';
import { parseEmail } from '../parse/parse-email';
import type { ParseEmailResult } from '../parse/parsed-email';
import type { ParseBatch, ParseReply } from './parse-worker';

/** The same results as `parseEmail` on each message, in the order given. */
export type ParseMessages = (raws: readonly Uint8Array[]) => Promise<ParseEmailResult[]>;

export interface ParsePool {
  parse: ParseMessages;
  /** Ends the workers. Messages not parsed yet are refused, so the chunk they belong to is not committed. */
  close(): void;
  /** Worker threads up and able to parse now; 0 while the pool parses on this thread. */
  running(): number;
}

export interface ParsePoolOptions {
  workers: number;
  /** Idle workers are ended after this long, and started again by the next message. */
  idleMs?: number;
}

/** Parse workers left without mail this long are ended; the next mail starts them again. */
export const PARSE_WORKER_IDLE_MS = 30_000;

interface Batch {
  raws: readonly Uint8Array[];
  resolve: (results: ParseEmailResult[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The parser is loaded; until then the worker may still turn out unable to start. */
  ready: boolean;
  batches: Map<number, Batch>;
}

const STOPPED = 'The email parser was stopped before these messages were parsed';

/**
 * MIME parsing on worker threads, so that the main thread's IMAP reading and SQLite writes go on
 * while messages are parsed. The messages handed over together are shared out between the workers.
 * A worker that dies fails the messages it held: their chunk is not committed, and the sync fetches
 * it again. Where no worker can start at all (a runtime without the worker script), messages are
 * parsed on this thread instead.
 */
export function createParsePool({ workers, idleMs = PARSE_WORKER_IDLE_MS }: ParsePoolOptions): ParsePool {
  const waiting: Batch[] = [];
  const slots = new Set<Slot>();
  let inThread = workers < 1;
  let closed = false;
  let nextId = 0;
  let idleTimer: NodeJS.Timeout | null = null;
  // In-thread parsing goes one message at a time too, in the order handed over.
  let inThreadTurn: Promise<unknown> = Promise.resolve();

  function spawn(): void {
    let worker: Worker;
    try {
      worker = startWorker();
    } catch {
      inThread = true;
      return;
    }
    const slot: Slot = { worker, ready: false, batches: new Map() };
    slots.add(slot);
    worker.on('message', (reply: ParseReply) => {
      if (reply === 'ready') slot.ready = true;
      else {
        slot.batches.get(reply.id)?.resolve(reply.results);
        slot.batches.delete(reply.id);
      }
      pump();
    });
    worker.on('error', (error) => lost(slot, error));
    worker.on('exit', (code) => lost(slot, new Error(`its worker thread exited with code ${code}`)));
  }

  function lost(slot: Slot, error: Error): void {
    if (!slots.delete(slot)) return;
    if (!slot.ready) inThread = true;
    for (const batch of slot.batches.values()) batch.reject(new Error(`The email parser failed: ${error.message}`));
    pump();
  }

  function pump(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (inThread) {
      for (const batch of waiting.splice(0)) {
        const parsed = inThreadTurn.then(() => parseInOrder(batch.raws));
        inThreadTurn = parsed.catch(() => {});
        parsed.then(batch.resolve, batch.reject);
      }
      return;
    }
    if (waiting.length > 0 && slots.size < workers) spawn();
    const ready = [...slots].filter((slot) => slot.ready);
    while (ready.length > 0 && waiting.length > 0) {
      const batch = waiting.shift()!;
      const slot = ready.reduce((least, candidate) => (candidate.batches.size < least.batches.size ? candidate : least));
      const id = nextId++;
      slot.batches.set(id, batch);
      const bytes = concatenated(batch.raws);
      slot.worker.postMessage({ id, bytes, lengths: batch.raws.map((raw) => raw.byteLength) } satisfies ParseBatch, [bytes.buffer]);
    }
    if (waiting.length === 0 && ready.length === slots.size && ready.every((slot) => slot.batches.size === 0)) {
      idleTimer = setTimeout(endWorkers, idleMs);
      idleTimer.unref();
    }
  }

  function endWorkers(): void {
    for (const slot of [...slots]) {
      slots.delete(slot);
      for (const batch of slot.batches.values()) batch.reject(new Error(STOPPED));
      void slot.worker.terminate();
    }
  }

  /** Splits the messages between the workers, every n-th to the same one, so big and small mix evenly. */
  function parse(raws: readonly Uint8Array[]): Promise<ParseEmailResult[]> {
    if (closed) return Promise.reject(new Error('The email parser is closed'));
    if (raws.length === 0) return Promise.resolve([]);
    const shares = Math.max(1, Math.min(workers, raws.length));
    const parts = Array.from({ length: shares }, (_, share) => raws.filter((_, i) => i % shares === share));
    const parsed = parts.map(
      (part) =>
        new Promise<ParseEmailResult[]>((resolve, reject) => {
          waiting.push({ raws: part, resolve, reject });
        }),
    );
    pump();
    return Promise.all(parsed).then((results) => raws.map((_, i) => results[i % shares]![Math.floor(i / shares)]!));
  }

  // Started at once, so that loading the parser overlaps connecting and logging in.
  for (let i = 0; i < workers && !inThread; i++) spawn();

  return {
    parse,
    close() {
      closed = true;
      if (idleTimer) clearTimeout(idleTimer);
      for (const batch of waiting.splice(0)) batch.reject(new Error(STOPPED));
      endWorkers();
    },
    running: () => (inThread ? 0 : [...slots].filter((slot) => slot.ready).length),
  };
}

/**
 * One copy of the raw messages in a buffer of its own, to be moved to the worker: the caller keeps its
 * buffers, and `Buffer.concat` may hand out a slice of a buffer Node shares between small allocations.
 */
function concatenated(raws: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(raws.reduce((sum, raw) => sum + raw.byteLength, 0));
  let at = 0;
  for (const raw of raws) {
    bytes.set(raw, at);
    at += raw.byteLength;
  }
  return bytes;
}

async function parseInOrder(raws: readonly Uint8Array[]): Promise<ParseEmailResult[]> {
  const results: ParseEmailResult[] = [];
  for (const raw of raws) results.push(await parseEmail(raw));
  return results;
}

/**
 * Once built, the worker is `email-parse-worker.mjs` beside the bundle that holds this code
 * (scripts/build.mjs writes it next to dist/cli.mjs and dist/desktop/main.cjs). Run from source (the
 * tests, `node --import tsx`), it is parse-worker.ts beside this file; a worker thread does not
 * inherit the TypeScript loader, so it registers it first.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./email-parse-worker.mjs', here));
  const script = JSON.stringify(new URL('./parse-worker.ts', here).href);
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${script}); })`, { eval: true });
}
