/**
 * Twilio webhook benchmark (`npm run bench:twilio`): runs `switchboard-sync serve` in its own process
 * with a workspace and a Twilio account, posts correctly signed inbound SMS from this process at a
 * fixed concurrency (a tenth of them delivered twice, as Twilio retries do), and reports requests/s
 * and latency percentiles. Then it stops the server and checks, from its files, that every message
 * is exactly one event and one timeline entry: nothing lost, nothing doubled.
 * BENCH_MESSAGES and BENCH_CONCURRENCY change the load. It reports; it does not judge.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import twilio from 'twilio';
import * as Y from 'yjs';
import { entriesOf, monthOf } from '../../../src-shared/sync/timeline-doc';
import { contactsOf } from '../../../src-shared/sync/workspace-doc';
import { freePorts } from '../../support/mail-server/free-port';
import { msSince, nowNs, Samples } from '../measure';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? '5000');
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? '32');
const CUSTOMERS = 500;
const PUBLIC_URL = 'https://bench.example.test';
const TOKEN = 'b3nchb3nchb3nchb3nchb3nchb3nch00';
const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const TARGET = { perSecond: 1_000, p99Ms: 50 };
const log = (line = '') => process.stdout.write(`${line}\n`);

function cli(args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'sync-server/cli/entry.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`switchboard-sync ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
}

async function serve(dataDir: string, port: number) {
  // BENCH_SERVER_NODE_ARGS passes flags to the server's node, e.g. --cpu-prof to see where its time goes.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  // BENCH_SERVE_ARGS adds `serve` options, e.g. --compact-after-bytes to see what compaction costs.
  const serveArgs = process.env.BENCH_SERVE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'sync-server/cli/entry.ts', 'serve', '--data', dataDir, '--port', String(port), '--public-url', PUBLIC_URL, ...serveArgs], {
    cwd: root,
    // The server reads the auth token from its environment, as in production.
    env: { ...process.env, BENCH_TWILIO_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function inboundSms(index: number): Record<string, string> {
  const sid = `SM${index.toString(16).padStart(32, '0')}`;
  return {
    AccountSid: ACCOUNT_SID,
    ApiVersion: '2010-04-01',
    Body: `Message ${index}: is the technician still coming today?`,
    From: `+1415555${String(1000 + (index % CUSTOMERS)).padStart(4, '0')}`,
    MessageSid: sid,
    NumMedia: '0',
    NumSegments: '1',
    SmsMessageSid: sid,
    SmsSid: sid,
    SmsStatus: 'received',
    To: '+14155550100',
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'switchboard-bench-twilio-'));
  const port = (await freePorts(1))[0] ?? 0;
  const url = `http://127.0.0.1:${port}/twilio/sms?ws=bench`;
  const signedUrl = `${PUBLIC_URL}/twilio/sms?ws=bench`;
  cli(['workspace', 'add', 'bench', '--data', dataDir]);
  cli(['workspace', 'set-twilio', 'bench', '--account-sid', ACCOUNT_SID, '--auth-token-env', 'BENCH_TWILIO_TOKEN', '--number', '+14155550100', '--data', dataDir], { BENCH_TWILIO_TOKEN: TOKEN });
  const server = await serve(dataDir, port);

  // Every tenth message is delivered a second time, concurrently with the rest, as a Twilio retry would be.
  const deliveries = Array.from({ length: MESSAGES }, (_, i) => i).flatMap((i) => (i % 10 === 0 ? [i, i] : [i]));
  const bodies = deliveries.map((i) => {
    const params = inboundSms(i);
    return { body: new URLSearchParams(params).toString(), signature: twilio.getExpectedTwilioSignature(TOKEN, signedUrl, params) };
  });
  const latencies = new Samples();
  const statuses = new Map<number, number>();
  let next = 0;
  const started = nowNs();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const request = bodies[next++]!;
        const sent = nowNs();
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': request.signature },
          body: request.body,
        });
        await response.arrayBuffer();
        latencies.add(msSince(sent));
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    }),
  );
  const seconds = msSince(started) / 1000;
  await server.stop();

  const perSecond = bodies.length / seconds;
  log(`Twilio webhook ingest: ${MESSAGES} signed inbound SMS + ${bodies.length - MESSAGES} duplicate deliveries, ${CONCURRENCY} concurrent, server in its own process`);
  log(`  ${perSecond.toFixed(0)} requests/s over ${seconds.toFixed(2)} s   (target ≥ ${TARGET.perSecond})`);
  log(`  latency p50 ${latencies.p50.toFixed(1)} ms, p95 ${latencies.p95.toFixed(1)} ms, p99 ${latencies.percentile(99).toFixed(1)} ms, max ${latencies.percentile(100).toFixed(1)} ms   (target p99 ≤ ${TARGET.p99Ms} ms)`);
  log(`  answers: ${[...statuses].map(([status, count]) => `${count} × ${status}`).join(', ')}`);
  verify(dataDir);
  rmSync(dataDir, { recursive: true, force: true });
}

/** From the server's own files: one event and one entry per message, every event applied. */
function verify(dataDir: string): void {
  const server = new Database(path.join(dataDir, 'server.sqlite'), { readonly: true });
  const events = server.prepare<[], { n: number; pending: number }>('SELECT count(*) AS n, sum(applied_at IS NULL) AS pending FROM twilio_events').get();
  server.close();
  const documents = new Database(path.join(dataDir, 'documents.sqlite'), { readonly: true });
  const load = (room: string) => {
    const doc = new Y.Doc();
    for (const row of documents.prepare<[string], { data: Buffer }>('SELECT data FROM doc_updates WHERE room = ? ORDER BY id').all(room)) Y.applyUpdate(doc, new Uint8Array(row.data));
    return doc;
  };
  const month = load(`ws/bench/t/${monthOf(Date.now())}`);
  const workspace = load('ws/bench');
  documents.close();
  const ids = new Set(entriesOf(month).keys());
  const missing = Array.from({ length: MESSAGES }, (_, i) => `sms:${inboundSms(i).MessageSid}`).filter((id) => !ids.has(id));
  log(`  check: ${events?.n} events stored (${events?.pending ?? 0} pending), ${ids.size} entries, ${missing.length} missing, ${contactsOf(workspace).size} contacts (expected ${CUSTOMERS})`);
  const ok = events?.n === MESSAGES && !events.pending && ids.size === MESSAGES && missing.length === 0 && contactsOf(workspace).size === CUSTOMERS;
  log(ok ? '  nothing lost, nothing duplicated' : '  MISMATCH: events were lost or duplicated');
}

await main();
