/**
 * The two ways of keeping a collection of keyed records in a Yjs document that the benchmark compares:
 * a plain Y.Map, and y-utility's YKeyValue (records as {key, val} in a Y.Array; writing a key deletes
 * its previous entry, so overwritten values leave only a tombstone, not their history).
 */
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { COLLECTIONS, PC_AUTHORS, type Change, type CollectionName } from './doc-workload';

export type Structure = 'Y.Map' | 'YKeyValue';
export type Layout = Record<CollectionName, Structure>;

export function uniformLayout(structure: Structure): Layout {
  return mapCollections(() => structure);
}

function mapCollections(pick: (name: CollectionName) => Structure): Layout {
  const names = Object.keys(COLLECTIONS) as CollectionName[];
  return Object.fromEntries(names.map((name) => [name, pick(name)])) as Layout;
}

/**
 * Fixed 32-bit client ids, one per PC and one for the server: Yjs picks random ones, and their size
 * on the wire depends on their magnitude. All writers share one document, which is what every
 * replica converges to when the PCs are online; switching `clientID` per transaction is how Yjs itself
 * renames a client.
 */
const CLIENT_IDS = [2_807_311_733, 1_093_553_201, 3_650_219_876, 724_105_559, 4_001_982_347];
if (CLIENT_IDS.length !== PC_AUTHORS + 1) throw new Error('one client id per PC and one for the server');

/**
 * Writes each change as its own transaction by its author. For YKeyValue it issues exactly the
 * operations YKeyValue.set does (delete the key's current entry by index, push the new one) but finds
 * the index in O(log n) and keeps no observer: YKeyValue.set reads the whole array on every call (its
 * observer copies it, and an overwrite walks it to find the index), and 50,000 appends took over six
 * minutes here, each slower than the last. The document that results is the same bytes;
 * `keyValueWriterMatches` checks that on every run, and the by-kind figures time YKeyValue.set itself.
 */
export class LayoutWriter {
  private readonly keyValues = new Map<CollectionName, IndexedKeyValue>();

  constructor(
    readonly doc: Y.Doc,
    private readonly layout: Layout,
  ) {}

  write(change: Change): void {
    this.doc.clientID = CLIENT_IDS[change.author] as number;
    if (this.layout[change.collection] === 'Y.Map') {
      const map = this.doc.getMap(COLLECTIONS[change.collection].name);
      this.doc.transact(() => map.set(change.key, change.value));
      return;
    }
    let keyValue = this.keyValues.get(change.collection);
    if (!keyValue) {
      keyValue = new IndexedKeyValue(this.doc.getArray(COLLECTIONS[change.collection].name));
      this.keyValues.set(change.collection, keyValue);
    }
    keyValue.set(change.key, change.value);
  }
}

/** A Fenwick tree over entry slots (in push order) counting the live ones: a slot's index is the count before it. */
class IndexedKeyValue {
  private readonly slotOf = new Map<string, number>();
  private tree = new Int32Array(1024);
  private slots = 0;

  constructor(private readonly array: Y.Array<{ key: string; val: unknown }>) {}

  set(key: string, val: unknown): void {
    this.array.doc?.transact(() => {
      const previous = this.slotOf.get(key);
      if (previous !== undefined) {
        this.array.delete(this.liveBefore(previous), 1);
        this.bump(previous, -1);
        this.slotOf.delete(key);
      }
      this.array.push([{ key, val }]);
      const slot = this.slots++;
      if (slot >= this.tree.length) this.grow();
      this.bump(slot, 1);
      this.slotOf.set(key, slot);
    });
  }

  /** A Fenwick tree cannot be copied into a longer one as it is: rebuild it from the live slots. */
  private grow(): void {
    this.tree = new Int32Array(this.tree.length * 2);
    for (const slot of this.slotOf.values()) this.bump(slot, 1);
  }

  private bump(slot: number, delta: number): void {
    for (let i = slot + 1; i <= this.tree.length; i += i & -i) this.tree[i - 1] = (this.tree[i - 1] as number) + delta;
  }

  private liveBefore(slot: number): number {
    let sum = 0;
    for (let i = slot; i > 0; i -= i & -i) sum += this.tree[i - 1] as number;
    return sum;
  }
}

/**
 * Opens every collection as the app would read it, and returns how many records are live. For
 * YKeyValue this builds its key index (its constructor reads the whole array), part of its load cost.
 */
export function openCollections(doc: Y.Doc, layout: Layout): number {
  let live = 0;
  for (const [collection, structure] of Object.entries(layout) as [CollectionName, Structure][]) {
    const { name } = COLLECTIONS[collection];
    live += structure === 'Y.Map' ? doc.getMap(name).size : new YKeyValue(doc.getArray<{ key: string; val: unknown }>(name)).map.size;
  }
  return live;
}

/** Runs the changes through y-utility's own YKeyValue.set and through LayoutWriter: true when the documents are byte-identical. */
export function keyValueWriterMatches(changes: readonly Change[]): boolean {
  const layout = uniformLayout('YKeyValue');
  const ours = new LayoutWriter(new Y.Doc(), layout);
  const reference = new Y.Doc();
  const stores = new Map<CollectionName, YKeyValue<unknown>>();
  for (const change of changes) {
    ours.write(change);
    reference.clientID = CLIENT_IDS[change.author] as number;
    let store = stores.get(change.collection);
    if (!store) {
      store = new YKeyValue<unknown>(reference.getArray(COLLECTIONS[change.collection].name));
      stores.set(change.collection, store);
    }
    store.set(change.key, change.value);
  }
  const a = Y.encodeStateAsUpdate(ours.doc);
  const b = Y.encodeStateAsUpdate(reference);
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}
