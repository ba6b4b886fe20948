import { describe, expect, it } from 'vitest';
import { dayLabel, dayKey, groupByDay, relativeTime } from '../../../src-shared/time/day-groups';

const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe('day groups', () => {
  it('groups consecutive entries by local day, in order', () => {
    const items = [at(2026, 11, 20, 9), at(2026, 11, 20, 18), at(2026, 11, 21, 8), at(2026, 11, 22, 7)];
    expect(groupByDay(items, (t) => t).map((g) => [g.day, g.items.length])).toEqual([
      ['2026-11-20', 2],
      ['2026-11-21', 1],
      ['2026-11-22', 1],
    ]);
  });

  it('labels today and yesterday by name', () => {
    const now = at(2026, 11, 22, 15);
    expect(dayLabel(dayKey(now), now)).toBe('Today');
    expect(dayLabel(dayKey(at(2026, 11, 21)), now)).toBe('Yesterday');
    expect(dayLabel('2026-11-02', now)).toContain('2026');
  });

  it('gives short relative times for the list', () => {
    const now = at(2026, 11, 22, 15);
    expect(relativeTime(now - 10_000, now)).toBe('now');
    expect(relativeTime(now - 5 * 60_000, now)).toBe('5m');
    expect(relativeTime(at(2026, 11, 22, 12), now)).toBe('3h');
    expect(relativeTime(at(2026, 11, 21, 23), now)).toBe('Yesterday');
  });
});
