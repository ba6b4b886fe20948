import type { CalendarCard } from './calendar-card';

/**
 * What showing an email needs beyond its entry's text, kept with the entry in the month documents so
 * every PC of a team can show it, not only the channel host that synced it.
 */
export interface EmailEntryDetails {
  /** The HTML body in the blob store; a PC that lacks it fetches it from the team's server. */
  htmlSha256: string | null;
  /** The From address, normalized: whose images "Always for this sender" loads. */
  from: string | null;
  /** The invitation card of a calendar message. */
  calendar: CalendarCard | null;
}
