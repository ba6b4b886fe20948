/**
 * Y.Map against y-utility's YKeyValue for keyed records: the workload of doc-workload.ts split into
 * records written once (event logs) and records overwritten, each kept in one flat collection of
 * either structure, written one transaction at a time; size and load of the result. (How the app
 * itself keeps these records, and what its documents cost, is app-docs.ts.)
 */
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { Samples, timeMs } from '../measure';
import { keyValueWriterMatches, LayoutWriter, openCollections, uniformLayout, type Layout, type Structure } from './doc-layouts';
import { COLLECTIONS, generateWorkload, PC_AUTHORS, type Change, type CollectionName, type KeyKind, type WorkloadShape } from './doc-workload';

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
  churn: ChurnFigures[];
}

export function measureDocSize(shape: WorkloadShape, options: { loadRounds: number; progress: (line: string) => void }): DocSizeResult {
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

  options.progress('overwrites by one writer and by writers taking turns');
  const churn = [1, PC_AUTHORS].map((writers) => measureChurn(CHURN_KEYS, CHURN_WRITES, writers));
  return { shape, transactions: changes.length, keyValueWriterChecked, kinds, churn };
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
