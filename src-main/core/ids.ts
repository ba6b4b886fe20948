import { monotonicFactory } from 'ulid';

// One generator for the process: it reads the random source once and keeps ids made within the same
// millisecond in creation order, where a bare ulid() call probes the source every time.
const nextUlid = monotonicFactory();

/** Local row ids: a prefix that says what the id names, and a ULID so ids sort by creation. */
export function newId(prefix: 'ws' | 'mb' | 'ct' | 'cv' | 'id' | 'mg' | 'ea'): string {
  return `${prefix}_${nextUlid()}`;
}
