import type { LongLike } from './wa-payload';

/**
 * A uint64 as Baileys hands it over: a number, a numeric string (JSON of a protobuf), or a protobuf
 * Long `{low, high, unsigned}`. Null when absent or not a number.
 */
export function longToNumber(value: LongLike | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
  if ('toNumber' in value && typeof value.toNumber === 'function') return value.toNumber();
  if ('low' in value && 'high' in value) {
    const low = value.low >>> 0;
    const high = value.unsigned ? value.high >>> 0 : value.high | 0;
    return high * 2 ** 32 + low;
  }
  return null;
}

/** `messageTimestamp` is in seconds; the store keeps epoch milliseconds. 0 means "not known". */
export function secondsToMillis(value: LongLike | null | undefined): number | null {
  const seconds = longToNumber(value);
  return seconds === null || seconds <= 0 ? null : seconds * 1000;
}
