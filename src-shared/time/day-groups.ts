/** Groups timestamps by local calendar day, the way a thread shows "Today", "Yesterday" and dates. */
export function dayKey(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function groupByDay<T>(items: readonly T[], timeOf: (item: T) => number): Array<{ day: string; items: T[] }> {
  const groups: Array<{ day: string; items: T[] }> = [];
  for (const item of items) {
    const day = dayKey(timeOf(item));
    const last = groups[groups.length - 1];
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Short relative time for the inbox list: "now", "5m", "3h", "Yesterday", weekday, or a date. */
export function relativeTime(epochMs: number, now: number): string {
  const age = now - epochMs;
  if (age < MINUTE) return 'now';
  if (age < HOUR) return `${Math.floor(age / MINUTE)}m`;
  if (dayKey(epochMs) === dayKey(now)) return `${Math.floor(age / HOUR)}h`;
  if (dayKey(epochMs) === dayKey(now - DAY)) return 'Yesterday';
  const date = new Date(epochMs);
  if (age < 6 * DAY) return date.toLocaleDateString(undefined, { weekday: 'short' });
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return date.toLocaleDateString(undefined, sameYear ? { month: 'short', day: 'numeric' } : { dateStyle: 'medium' });
}

export function dayLabel(day: string, now: number): string {
  if (day === dayKey(now)) return 'Today';
  if (day === dayKey(now - DAY)) return 'Yesterday';
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).toLocaleDateString(undefined, {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  });
}
