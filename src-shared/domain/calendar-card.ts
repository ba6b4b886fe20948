/**
 * What a readable invitation card shows of a calendar message. Times are ISO 8601: UTC when the zone
 * is known, local (no offset) otherwise, and a bare date for an all-day event.
 */
export interface CalendarCard {
  /** REQUEST, CANCEL, REPLY…: what the organizer is asking. */
  method: string | null;
  summary: string | null;
  start: string | null;
  end: string | null;
  allDay: boolean;
  location: string | null;
  organizer: { address: string; name: string | null } | null;
}
