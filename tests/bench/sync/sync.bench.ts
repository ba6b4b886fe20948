/**
 * Sync benchmark (`npm run bench:sync`), against the real sync-server in a child process on loopback:
 *  1. claim propagation: ten PCs built from the app's parts on one claims document; one claims,
 *     the time until the other nine resolve the owner through the server's stamp (p50, p95);
 *  2. document size and load time after 100,000 claims, notes and status changes over 10,000
 *     conversations: first Y.Map against y-utility's YKeyValue for flat collections of records, then
 *     the app's own documents, loaded from the encoded state and (the workspace document) by
 *     replaying the PC's update log as the app does at start;
 *  3. the server's RSS (after a full GC) across 1,000 room open/close cycles with idle unloading.
 * Prints figures, ratios and whether each target was met; it reports, it does not judge (exit 0
 * unless something throws). BENCH_SYNC_PARTS=latency,doc,rooms picks parts; BENCH_SYNC_SAMPLES,
 * BENCH_SYNC_CHANGES and BENCH_SYNC_CYCLES change the sizes.
 */
import { cpus, loadavg } from 'node:os';
import { fmt, msSince, nowNs, table, type Samples } from '../measure';
import { measureClaimLatency, type ClaimLatencyResult } from './claim-latency';
import { measureAppDocs, type AppDocsResult, type ReplicaFigures } from './app-docs';
import { measureDocSize, type DocSizeResult } from './doc-size';
import { measureRoomCycles, type RoomCyclesResult } from './room-cycles';
import { ServerProcess } from './server-process';

const PARTS = new Set((process.env.BENCH_SYNC_PARTS ?? 'latency,doc,rooms').split(','));
const CLIENTS = 10;
const SAMPLES = positive('BENCH_SYNC_SAMPLES', 200);
const CHANGES = positive('BENCH_SYNC_CHANGES', 100_000);
const CYCLES = positive('BENCH_SYNC_CYCLES', 1_000);
const SEED = 20_261_122;
/** Short enough that 1,000 cycles take a minute or two; the server's default is 30 s. */
const IDLE_UNLOAD_MS = 20;

const TARGETS = { claimP95Ms: 50, loadMs: 100, rssGrowth: 0.1 };

const log = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`  … ${line}\n`);
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
const kib = (bytes: number) => `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 0 })} KiB`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const p50p95 = (s: Samples, digits = 1) => `${s.p50.toFixed(digits)} / ${s.p95.toFixed(digits)}`;

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${process.env[name]}`);
  return value;
}

function machineLoad(): string {
  return `load average ${loadavg().map((l) => l.toFixed(2)).join(', ')} on ${cpus().length} cores`;
}

interface Summary {
  rows: string[][];
  missed: string[];
}

function check(summary: Summary, metric: string, value: string, target: string, met: boolean, note: string): void {
  summary.rows.push([metric, value, target, verdict(met), note]);
  if (!met) summary.missed.push(`${metric}: ${value}, target ${target}`);
}

function reportLatency(result: ClaimLatencyResult, summary: Summary): void {
  const { allOthers, claimerStamped } = result;
  log(`1. Claim propagation: ${result.clients} PCs on one claims document, ${allOthers.values.length} claims (ms)`);
  log(
    table(
      ['measured from the claim to', 'p50', 'p95', 'max'],
      [
        [`all ${result.clients - 1} other PCs resolve the new owner (stamped)`, allOthers.p50.toFixed(1), allOthers.p95.toFixed(1), allOthers.percentile(100).toFixed(1)],
        ['the claimer sees its own claim stamped', claimerStamped.p50.toFixed(1), claimerStamped.p95.toFixed(1), claimerStamped.percentile(100).toFixed(1)],
      ],
    ),
  );
  if (result.timedOut > 0) log(`${result.timedOut} claim(s) were not seen by every PC within 5 s and are not in the figures.`);
  log(`(${machineLoad()} after this part)`);
  log();
  check(summary, 'claim propagation p95 (10 PCs)', `${allOthers.p95.toFixed(1)} ms`, `≤ ${TARGETS.claimP95Ms} ms`, allOthers.p95 <= TARGETS.claimP95Ms && result.timedOut === 0, `p50 ${allOthers.p50.toFixed(1)} ms; ×${(allOthers.p95 / TARGETS.claimP95Ms).toFixed(2)} of the target`);
}

function reportDocs(result: DocSizeResult, summary: Summary): void {
  const { shape } = result;
  log(
    `2. Document size and load: ${fmt.int(shape.changes)} changes (40% claims, 30% note versions, 20% status changes, 10% read marks) ` +
      `over ${fmt.int(shape.conversations)} conversations by 4 PCs, each claim also stamped by the server: ${fmt.int(result.transactions)} transactions.`,
  );
  log(`YKeyValue documents are written with YKeyValue.set's exact operations (checked byte-identical against y-utility on the first 3,000 changes: ${result.keyValueWriterChecked ? 'identical' : 'DIFFERENT'}).`);
  log();
  log('2a. By kind of record (in memory; load = new Y.Doc + applyUpdate(state) + open the collections; ms)');
  log(
    table(
      ['records', 'structure', 'changes', 'write all', 'live records', 'state', 'load p50 / p95', 'one more set() p50 / p95'],
      result.kinds.map((k) => [k.keyKind, k.structure, fmt.int(k.changes), fmt.secs(k.buildSeconds * 1000), fmt.int(k.liveRecords), kib(k.stateBytes), p50p95(k.fromState), p50p95(k.setCall, 3)]),
    ),
  );
  for (const keyKind of ['append-only', 'overwritten'] as const) {
    const map = result.kinds.find((k) => k.keyKind === keyKind && k.structure === 'Y.Map');
    const kv = result.kinds.find((k) => k.keyKind === keyKind && k.structure === 'YKeyValue');
    if (!map || !kv) continue;
    const better = (kvWins: boolean) => (kvWins ? 'YKeyValue' : 'Y.Map');
    log(
      `  ${keyKind}: YKeyValue / Y.Map  state ×${(kv.stateBytes / map.stateBytes).toFixed(2)}, load p50 ×${(kv.fromState.p50 / map.fromState.p50).toFixed(2)}, ` +
        `set() p50 ×${(kv.setCall.p50 / map.setCall.p50).toFixed(0)}  → smaller: ${better(kv.stateBytes < map.stateBytes)}, ` +
        `faster load: ${better(kv.fromState.p50 < map.fromState.p50)}, cheaper writes: ${better(kv.setCall.p50 < map.setCall.p50)}`,
    );
  }
  log();
  log('2b. A few keys overwritten many times (state bytes): YKeyValue saves only when one writer writes in a row');
  log(
    table(
      ['keys', 'writes', 'writers taking turns', 'Y.Map', 'YKeyValue', 'YKeyValue / Y.Map'],
      result.churn.map((c) => [fmt.int(c.keys), fmt.int(c.writes), String(c.writers), kib(c.mapBytes), kib(c.keyValueBytes), fmt.ratio(c.keyValueBytes, c.mapBytes)]),
    ),
  );
  log(`(${machineLoad()} after this part)`);
  log();
}

function reportAppDocs(result: AppDocsResult, summary: Summary): void {
  const { workspace, claims, months, counts } = result;
  log(
    `2c. The app's documents after ${fmt.int(result.changes)} changes over ${fmt.int(result.conversations)} conversations in one year, written by 4 PCs through the app's functions ` +
      `(workspace document: ${fmt.int(counts.contacts)} contacts with their phone numbers, ${fmt.int(counts.readMarks)} read marks; claims document: ${fmt.int(counts.claims)} claims stamped and folded by the real ClaimStamper; ` +
      `month documents: ${fmt.int(counts.notes)} notes, ${fmt.int(counts.noteEdits)} note edits, ${fmt.int(counts.statusChanges)} delivery status changes); written in ${fmt.secs(result.buildSeconds * 1000)}; ms`,
  );
  const bySize = [...months].sort((a, b) => b.stateBytes - a.stateBytes);
  const largest = bySize[0];
  const allMonths = months.reduce((sum, m) => sum + m.fromState.p50, 0);
  const replicaRow = (label: string, figures: ReplicaFigures) => [
    label,
    kib(figures.stateBytes),
    p50p95(figures.fromState),
    p50p95(figures.replay),
    `${p50p95(figures.replayAfterCrash)} (${fmt.int(figures.rowsAfterSnapshot)} rows after the snapshot)`,
    `${fmt.int(figures.logRows)} (${mib(figures.logBytes)})`,
  ];
  log(
    table(
      ['document', 'state', 'load from state p50 / p95', 'PC start p50 / p95', 'PC start after a crash p50 / p95', 'log rows (bytes)'],
      [
        replicaRow('ws (contacts, read marks)', workspace),
        replicaRow(`ws/…/claims (live events ${fmt.int(claims.liveClaimEvents)}, conversations ${fmt.int(claims.settledClaims)})`, claims),
        ...(largest ? [[`largest month (${largest.month})`, kib(largest.stateBytes), p50p95(largest.fromState), '-', '-', '-']] : []),
        [`all ${months.length} months together`, kib(months.reduce((sum, m) => sum + m.stateBytes, 0)), `${allMonths.toFixed(1)} (sum of p50s)`, '-', '-', '-'],
      ],
    ),
  );
  log(`(${machineLoad()} after this part)`);
  log();
  for (const [label, figures] of [['workspace', workspace], ['claims', claims]] as const) {
    const worst = Math.max(figures.fromState.p50, figures.replay.p50);
    check(summary, `${label} document load after ${fmt.int(result.changes)} changes`, `${worst.toFixed(0)} ms`, `≤ ${TARGETS.loadMs} ms`, worst <= TARGETS.loadMs, `p50 of the slower load (state ${figures.fromState.p50.toFixed(0)} ms, PC start ${figures.replay.p50.toFixed(0)} ms); ×${(worst / TARGETS.loadMs).toFixed(2)} of the target; after a crash ${figures.replayAfterCrash.p50.toFixed(0)} ms`);
  }
  if (largest) {
    check(summary, 'largest month document load', `${largest.fromState.p50.toFixed(0)} ms`, `≤ ${TARGETS.loadMs} ms`, largest.fromState.p50 <= TARGETS.loadMs, `${largest.month}, ${kib(largest.stateBytes)}; ×${(largest.fromState.p50 / TARGETS.loadMs).toFixed(2)} of the target`);
  }
}

function reportRooms(result: RoomCyclesResult, summary: Summary): void {
  const last = result.trend[result.trend.length - 1]?.[1] ?? result.warm;
  log(`3. Server memory across ${fmt.int(result.cycles)} room open/close cycles (idle unload after ${IDLE_UNLOAD_MS} ms; RSS after a full GC; ${result.seconds.toFixed(1)} s)`);
  log(
    table(
      ['when', 'RSS', 'heap used', 'RSS vs start'],
      [
        ['before any room', mib(result.start.rss), mib(result.start.heapUsed), '-'],
        ['after the warm-up cycles', mib(result.warm.rss), mib(result.warm.heapUsed), fmt.ratio(result.warm.rss, result.start.rss)],
        ...result.trend.map(([done, reading]) => [`after ${fmt.int(done)} cycles`, mib(reading.rss), mib(reading.heapUsed), fmt.ratio(reading.rss, result.start.rss)]),
      ],
    ),
  );
  if (!result.start.gcExposed) log('The server process had no gc(): the readings include garbage not yet collected.');
  log(`(${machineLoad()} after this part)`);
  log();
  const growth = last.rss / result.start.rss - 1;
  check(summary, `server RSS after ${fmt.int(result.cycles)} room cycles`, `${mib(last.rss)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%)`, `within ${TARGETS.rssGrowth * 100}% of ${mib(result.start.rss)}`, Math.abs(growth) <= TARGETS.rssGrowth, `heap ${mib(result.start.heapUsed)} → ${mib(last.heapUsed)}`);
}

async function main(): Promise<void> {
  const runStart = nowNs();
  const summary: Summary = { rows: [], missed: [] };
  log('Sync benchmark');
  log('==============');
  log(`Node ${process.version}, ${machineLoad()} at the start (other work on the machine shows in the timings).`);
  log();
  if (PARTS.has('latency')) {
    progress(`claim propagation: ${CLIENTS} PCs, ${SAMPLES} claims`);
    const server = await ServerProcess.start();
    try {
      reportLatency(await measureClaimLatency(server, { clients: CLIENTS, samples: SAMPLES, warmup: 20 }), summary);
    } finally {
      await server.stop();
    }
  }
  if (PARTS.has('doc')) {
    progress(`documents: ${fmt.int(CHANGES)} changes`);
    const shape = { changes: CHANGES, conversations: Math.max(10, Math.round(CHANGES / 10)), seed: SEED };
    reportDocs(measureDocSize(shape, { loadRounds: 10, progress }), summary);
    reportAppDocs(measureAppDocs(shape, { load: 10, replay: 5 }, progress), summary);
  }
  if (PARTS.has('rooms')) {
    progress(`server memory: ${fmt.int(CYCLES)} room cycles`);
    const server = await ServerProcess.start({ idleUnloadMs: IDLE_UNLOAD_MS });
    try {
      reportRooms(await measureRoomCycles(server, { cycles: CYCLES, warmup: 20, every: Math.max(1, Math.round(CYCLES / 5)) }), summary);
    } finally {
      await server.stop();
    }
  }
  log('Summary');
  log(table(['metric', 'value', 'target', 'result', 'note'], summary.rows));
  log();
  for (const line of summary.missed) log(`TARGET MISSED: ${line}`);
  if (summary.missed.length === 0) log('All targets met.');
  log(`Total run time ${fmt.secs(msSince(runStart))}; ${machineLoad()} at the end.`);
}

await main();
