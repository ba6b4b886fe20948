import { beforeAll, describe, expect, it } from 'vitest';

let calendarWhen: typeof import('../../../src-renderer/email/calendar-when').calendarWhen;

beforeAll(async () => {
  // The formatters take the zone when the module loads: a fixed one makes the expected text exact.
  process.env.TZ = 'America/New_York';
  ({ calendarWhen } = await import('../../../src-renderer/email/calendar-when'));
});

describe('when an invitation happens', () => {
  it('shows a UTC event in the reader’s zone, with the end time alone on the same day', () => {
    expect(calendarWhen({ start: '2026-03-10T13:00:00Z', end: '2026-03-10T14:30:00Z', allDay: false })).toBe('Tue, Mar 10, 2026, 09:00–10:30');
  });

  it('names the end day when the event runs past midnight', () => {
    expect(calendarWhen({ start: '2026-03-10T23:00:00Z', end: '2026-03-11T06:00:00Z', allDay: false })).toBe(
      'Tue, Mar 10, 2026, 19:00 – Wed, Mar 11, 2026, 02:00',
    );
  });

  it('reads a time without a known zone as the organizer wrote it', () => {
    expect(calendarWhen({ start: '2026-03-10T08:00:00', end: null, allDay: false })).toBe('Tue, Mar 10, 2026, 08:00');
  });

  it('shows all-day events as days, the iCalendar end date being the day after the last', () => {
    expect(calendarWhen({ start: '2026-03-10', end: '2026-03-11', allDay: true })).toBe('Tue, Mar 10, 2026 (all day)');
    expect(calendarWhen({ start: '2026-03-10', end: '2026-03-13', allDay: true })).toBe('Tue, Mar 10, 2026 – Thu, Mar 12, 2026 (all day)');
  });

  it('says nothing rather than guess when the start is missing or unreadable', () => {
    expect(calendarWhen({ start: null, end: null, allDay: false })).toBeNull();
    expect(calendarWhen({ start: 'next Tuesday', end: null, allDay: false })).toBeNull();
  });
});
