/**
 * Document size and load time after a long busy life: the workload of doc-workload.ts written one
 * transaction at a time, in Y.Map, in YKeyValue, and in Y.Map for event logs with YKeyValue for
 * overwritten values. Two loads are timed: a fresh Y.Doc applying the encoded state (what the server
 * keeps after compaction and a new PC receives), and the app's start, openRoomReplica replaying the
 * PC's stored update log (with the log compacted as the app compacts it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { openStore } from '../../../src-main/core/store/open-store';
import { openRoomReplica } from '../../../src-main/core/sync/room-replica';
import { createUpdateLog } from '../../../src-main/core/sync/update-log';
import { Samples, timeMs } from '../measure';
import { keyValueWriterMatches, layoutByKeyKind, LayoutWriter, openCollections, uniformLayout, type Layout, type Structure } from './doc-layouts';
import { COLLECTIONS, generateWorkload, PC_AUTHORS, type Change, type CollectionName, type KeyKind, type WorkloadShape } from './doc-workload';

const ROOM = 'ws/bench-docs';
const EQUIVALENCE_CHANGES = 3_000;
/** YKeyValue.set on a large log takes milliseconds per call, more as it grows: a time budget, with a minimum of calls. */
const SET_CALLS = 40;
const MIN_SET_CALLS = 5;
const SET_CALL_BUDGET_MS = 10_000;
const CHURN_KEYS = 1_000;
const CHURN_WRITES = 100_000;

export interface LoadFigures {
  stateBytes: number;
  liveRecords: number;
  fromState: Samples;
}

export interface KindFigures extends LoadFigures {
  keyKind: KeyKind;
  structure: Structure;
  changes: number;
  /** Writing every change, one transaction each, in memory. */
  buildSeconds: number;
  /** Per call of the structure's own `set` on the full document (YKeyValue.set, or Y.Map.set). */
  setCall: Samples;
}

export interface LayoutFigures extends LoadFigures {
  label: string;
  buildSeconds: number;
  /** Of buildSeconds, the time the update log spent merging its rows (every 500 rows, the whole document). */
  compactionSeconds: number;
  logRows: number;
  logBytes: number;
  replay: Samples;
}

/** State bytes when a few keys are overwritten many times, by one writer or by writers taking turns. */
export interface ChurnFigures {
  keys: number;
  writes: number;
  writers: number;
  mapBytes: number;
  keyValueBytes: number;
}

export interface DocSizeResult {
  shape: WorkloadShape;
  transactions: number;
  keyValueWriterChecked: boolean;
  kinds: KindFigures[];
  layouts: LayoutFigures[];
  churn: ChurnFigures[];
}

export function measureDocSize(shape: WorkloadShape, options: { loadRounds: number; replayRounds: number; progress: (line: string) => void }): DocSizeResult {
  const changes = [...generateWorkload(shape)];
  const keyValueWriterChecked = keyValueWriterMatches(changes.slice(0, EQUIVALENCE_CHANGES));
  if (!keyValueWriterChecked) throw new Error('LayoutWriter wrote a different document than YKeyValue.set: the YKeyValue figures would be wrong.');

  const kinds: KindFigures[] = [];
  for (const keyKind of ['append-only', 'overwritten'] as const) {
    const subset = changes.filter((change) => COLLECTIONS[change.collection].keyKind === keyKind);
    for (const structure of ['Y.Map', 'YKeyValue'] as const) {
      options.progress(`${keyKind} records in ${structure}`);
      kinds.push(measureKind(subset, keyKind, structure, options.loadRounds));
    }
  }

  const layouts: LayoutFigures[] = [];
  // All-YKeyValue is left out here: writing its event logs is slow (every push walks the whole array:
  // Yjs keeps no position marker for an array only ever appended to), and through the app's log it
  // took over ten minutes and then ran out of a 4 GB heap at this size. Its size and load are in the
  // by-kind figures.
  for (const [label, layout] of [
    ['all Y.Map (as the app keeps claims today)', uniformLayout('Y.Map')],
    ['Y.Map for event logs, YKeyValue for overwritten values', layoutByKeyKind()],
  ] as const) {
    options.progress(`app path: ${label}`);
    layouts.push(measureLayout(label, layout, changes, options));
  }
  options.progress('overwrites by one writer and by writers taking turns');
  const churn = [1, PC_AUTHORS].map((writers) => measureChurn(CHURN_KEYS, CHURN_WRITES, writers));
  return { shape, transactions: changes.length, keyValueWriterChecked, kinds, layouts, churn };
}

/**
 * y-utility's own benchmark (few keys, many overwrites) has one writer; a team has several, and the
 * server stamps too. This shows what taking turns does to the saving.
 */
function measureChurn(keys: number, writes: number, writers: number): ChurnFigures {
  const changes: Change[] = [];
  for (let i = 0; i < writes; i++) {
    changes.push({ author: i % writers, collection: 'statuses', key: `cv_${(i * 7_919) % keys}`, value: { status: 'open', snoozedUntil: null, needsResponse: false, at: i } });
  }
  const bytes = (structure: Structure) => {
    const writer = new LayoutWriter(new Y.Doc(), uniformLayout(structure));
    for (const change of changes) writer.write(change);
    const size = Y.encodeStateAsUpdate(writer.doc).byteLength;
    writer.doc.destroy();
    return size;
  };
  return { keys, writes, writers, mapBytes: bytes('Y.Map'), keyValueBytes: bytes('YKeyValue') };
}

function measureKind(changes: readonly Change[], keyKind: KeyKind, structure: Structure, rounds: number): KindFigures {
  const layout = uniformLayout(structure);
  const writer = new LayoutWriter(new Y.Doc(), layout);
  const began = performance.now();
  for (const change of changes) writer.write(change);
  const buildSeconds = (performance.now() - began) / 1000;
  const state = Y.encodeStateAsUpdate(writer.doc);
  const figures = { keyKind, structure, changes: changes.length, buildSeconds, ...timeLoadFromState(state, layout, rounds), setCall: timeSetCalls(writer.doc, changes, structure) };
  writer.doc.destroy();
  return figures;
}

/**
 * The structure's own write path on the full document: for overwritten records the next change of a
 * key already there, for event logs a new key. The document is a copy, so the figures stay clean.
 */
function timeSetCalls(doc: Y.Doc, changes: readonly Change[], structure: Structure): Samples {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const samples = new Samples();
  const budgetEnds = performance.now() + SET_CALL_BUDGET_MS;
  const names = [...new Set(changes.map((c) => c.collection))];
  const setters = new Map<CollectionName, (key: string, value: unknown) => void>();
  for (const collection of names) {
    const { name } = COLLECTIONS[collection];
    if (structure === 'Y.Map') {
      const map = copy.getMap(name);
      setters.set(collection, (key, value) => map.set(key, value));
    } else {
      const store = new YKeyValue<unknown>(copy.getArray(name));
      setters.set(collection, (key, value) => store.set(key, value));
    }
  }
  for (let i = 0; i < SET_CALLS && (i < MIN_SET_CALLS || performance.now() < budgetEnds); i++) {
    const change = changes[changes.length - 1 - (i % changes.length)] as Change;
    const key = COLLECTIONS[change.collection].keyKind === 'append-only' ? `${change.key}-again-${i}` : change.key;
    copy.clientID = 1_000 + (i % PC_AUTHORS);
    const set = setters.get(change.collection) as (key: string, value: unknown) => void;
    samples.add(timeMs(() => set(key, change.value)));
  }
  copy.destroy();
  return samples;
}

function timeLoadFromState(state: Uint8Array, layout: Layout, rounds: number): LoadFigures {
  const fromState = new Samples();
  let liveRecords = 0;
  for (let i = 0; i < rounds; i++) {
    let doc: Y.Doc | null = null;
    fromState.add(
      timeMs(() => {
        doc = new Y.Doc();
        Y.applyUpdate(doc, state);
        liveRecords = openCollections(doc, layout);
      }),
    );
    (doc as Y.Doc | null)?.destroy();
  }
  return { stateBytes: state.byteLength, liveRecords, fromState };
}

/** Through the app's own parts: a PC store, its update log and openRoomReplica, one row per transaction. */
function measureLayout(label: string, layout: Layout, changes: readonly Change[], options: { loadRounds: number; replayRounds: number }): LayoutFigures {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchboard-doc-bench-'));
  const store = openStore(path.join(dir, 'pc.db'));
  try {
    const log = createUpdateLog(store.sqlite);
    let compactionMs = 0;
    const timedLog: typeof log = {
      ...log,
      compactIfLarge(room) {
        const started = performance.now();
        const compacted = log.compactIfLarge(room);
        compactionMs += performance.now() - started;
        return compacted;
      },
    };
    const began = performance.now();
    const replica = openRoomReplica(timedLog, ROOM);
    const writer = new LayoutWriter(replica.doc, layout);
    for (const change of changes) writer.write(change);
    const buildSeconds = (performance.now() - began) / 1000;
    const state = Y.encodeStateAsUpdate(replica.doc);
    replica.destroy();
    const { rows, bytes } = store.sqlite
      .prepare('SELECT count(*) AS rows, coalesce(sum(length("update")), 0) AS bytes FROM doc_updates WHERE room = ?')
      .get(ROOM) as { rows: number; bytes: number };
    const replay = new Samples();
    for (let i = 0; i < options.replayRounds; i++) {
      let opened: ReturnType<typeof openRoomReplica> | null = null;
      replay.add(
        timeMs(() => {
          opened = openRoomReplica(log, ROOM);
          openCollections(opened.doc, layout);
        }),
      );
      (opened as ReturnType<typeof openRoomReplica> | null)?.destroy();
    }
    return { label, buildSeconds, compactionSeconds: compactionMs / 1000, logRows: rows, logBytes: bytes, replay, ...timeLoadFromState(state, layout, options.loadRounds) };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
