import type { CalendarCard } from '../../src-shared/domain/calendar-card';

const DAY = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When an invitation's event happens, in the reader's time zone: "Tue, 10 Mar 2020, 09:00–10:00", or
 * for all-day events the days alone (iCalendar's end date is the day after the last one). A time whose
 * zone the parser could not tell is shown as the organizer wrote it.
 */
export function calendarWhen(card: Pick<CalendarCard, 'start' | 'end' | 'allDay'>): string | null {
  const start = instant(card.start);
  if (start === null) return null;
  const end = instant(card.end);
  if (card.allDay) {
    const last = end !== null && end - start > DAY_MS ? end - DAY_MS : null;
    return last === null ? `${DAY.format(start)} (all day)` : `${DAY.format(start)} – ${DAY.format(last)} (all day)`;
  }
  const from = `${DAY.format(start)}, ${TIME.format(start)}`;
  if (end === null) return from;
  return sameDay(start, end) ? `${from}–${TIME.format(end)}` : `${from} – ${DAY.format(end)}, ${TIME.format(end)}`;
}

/** UTC times (ending in Z) are instants; dates and times without an offset are read as local. */
function instant(iso: string | null): number | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(Z?))?$/.exec(iso);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (m[7] === 'Z') return Date.UTC(year, month - 1, day, hour, minute, second);
  return new Date(year, month - 1, day, hour, minute, second).getTime();
}

function sameDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}
