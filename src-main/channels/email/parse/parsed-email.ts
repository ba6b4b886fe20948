import type { CalendarCard } from '../../../../src-shared/domain/calendar-card';

export type { CalendarCard };

/** One mailbox of an address header; `address` is normalized the way contacts store it. */
export interface EmailAddress {
  address: string;
  name: string | null;
}

export interface EmailAttachment {
  filename: string | null;
  contentType: string;
  size: number;
  /** Hex digest of the decoded content: the key of the content-addressed blob store. */
  sha256: string;
  /** Without angle brackets, as `cid:` URLs in the HTML name it. */
  contentId: string | null;
  /** Shown within the body (an embedded image) rather than listed as a file. */
  inline: boolean;
  content: Uint8Array;
}

/**
 * A delivery failure (status 5.x.x) or delay (4.x.x) report about a message we sent. Fields the
 * report does not state are null rather than guessed.
 */
export interface Bounce {
  status: string | null;
  recipient: string | null;
  diagnostic: string | null;
  /** Message-ID of the returned message, to find the outbound entry it failed. */
  originalMessageId: string | null;
}

/** Only `customer` mail creates or joins a customer's conversation; the rest goes to the "Other" view. */
export type EmailClass = 'customer' | 'list' | 'bulk' | 'automated';

export interface ParsedEmail {
  /** The stable id of DESIGN.md, so the same message fetched twice is ingested once. */
  id: string;
  from: EmailAddress | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  replyTo: EmailAddress[];
  subject: string | null;
  /** Epoch ms, or null when the Date header is missing or unreadable. */
  date: number | null;
  /** Message-IDs keep their angle brackets, the form In-Reply-To and References need when replying. */
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  text: string;
  /** Raw and unsanitized: only the display layer may render it, after sanitizing. */
  html: string | null;
  attachments: EmailAttachment[];
  calendar: CalendarCard | null;
  bounce: Bounce | null;
  autoReply: boolean;
  classification: EmailClass;
}

export type ParseEmailResult = { ok: true; email: ParsedEmail } | { ok: false; error: string };
