import { ulid } from 'ulid';

/** Local row ids: a prefix that says what the id names, and a ULID so ids sort by creation. */
export function newId(prefix: 'ws' | 'mb' | 'ct' | 'cv' | 'id' | 'mg'): string {
  return `${prefix}_${ulid()}`;
}
