import type { CalendarCard } from '../domain/calendar-card';
import type { AttachmentMeta } from '../domain/timeline';

/** What the thread shows around an email besides its content; it can change after the email arrived. */
export interface EmailDetails {
  /** An automatic answer (out of office, vacation), flagged so nobody mistakes it for the customer's words. */
  autoReply: boolean;
  /** The invitation card of a calendar message. */
  calendar: CalendarCard | null;
  /** Set once the server reported the message gone from that folder (deleted or moved in a mail client). */
  removed: { folder: string; at: number } | null;
}

/**
 * An email's HTML as stored, unsanitized: the renderer sanitizes it and shows it in a sandboxed frame.
 * It is fetched for one message at a time and never travels in list rows.
 */
export interface EmailHtml extends EmailDetails {
  /** Null when the message had no HTML part, or is not an email Switchboard synced. */
  html: string | null;
  /** The sender is on the "Always for this sender" list, so remote images may load. */
  remoteContentAllowed: boolean;
  /** The address the message came from, normalized; null when it cannot be told apart from others. */
  sender: string | null;
  /** `cid:` references of the HTML (Content-ID without angle brackets) to data URLs of the message's own parts. */
  inlineImages: Record<string, string>;
}

export type OtherMailCategory = 'list' | 'bulk' | 'automated';

export interface OtherMailRow {
  id: string;
  category: OtherMailCategory;
  fromAddress: string | null;
  fromName: string | null;
  subject: string | null;
  occurredAt: number;
  /** The start of the text, or, when searching, the matching text with matches marked by [[ and ]]. */
  snippet: string;
}

export interface OtherMailPage {
  rows: OtherMailRow[];
  /** Pass back as `before` to load older mail; null at the end. */
  nextCursor: { occurredAt: number; id: string } | null;
}

export interface OtherMailMessage extends Omit<OtherMailRow, 'snippet'> {
  to: string[];
  text: string;
  hasHtml: boolean;
  attachments: AttachmentMeta[];
}
