const CLOCK = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** HH:MM beside each timeline entry; the day is already in the sticky day label above it. */
export function clockTime(epochMs: number): string {
  return CLOCK.format(epochMs);
}

const FULL = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

/** The exact moment, for a tooltip on the short forms. */
export function fullDateTime(epochMs: number): string {
  return FULL.format(epochMs);
}
