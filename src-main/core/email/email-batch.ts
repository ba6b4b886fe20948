import type { NormalizedInbound } from '../../../src-shared/domain/inbound';
import type { AttachmentMeta } from '../../../src-shared/domain/timeline';
import type { CalendarCard } from '../../../src-shared/domain/calendar-card';
import type { emailFolders } from '../store/schema';

/** One folder's sync position; see `emailFolders` in the schema. */
export type FolderCheckpoint = typeof emailFolders.$inferSelect;

/**
 * What `email_messages` keeps of every synced message: Message-ID, In-Reply-To and References as the
 * message carried them (with angle brackets), and what showing it needs beyond the entry.
 */
export interface ReplyChain {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  htmlSha256: string | null;
  autoReply: boolean;
  calendar: CalendarCard | null;
  /** The folder and UID it was fetched from, so an expunge reported by UID names it. */
  location: MailLocation | null;
}

export interface MailLocation {
  path: string;
  uid: number;
}

/** Mail from or to a customer: an entry in that customer's conversation. */
export interface CustomerEmail {
  filedAs: 'entry';
  entry: NormalizedInbound;
  chain: ReplyChain;
}

/** What a delivery report says about one of our messages. */
export interface BounceReport {
  /** Stable id of the outbound entry that failed: the email id of the returned Message-ID. */
  failedEntryId: string;
  recipient: string | null;
  status: string | null;
  diagnostic: string | null;
}

/** List, bulk or automated mail: kept in "Other mail", never a conversation. */
export interface OtherEmail {
  filedAs: 'other';
  id: string;
  category: 'list' | 'bulk' | 'automated';
  from: { address: string; name: string | null } | null;
  to: string[];
  subject: string | null;
  body: string;
  occurredAt: number;
  attachments: AttachmentMeta[];
  autoReply: boolean;
  bounce: BounceReport | null;
  chain: ReplyChain;
  /**
   * For an auto-reply: the entry it becomes when its sender is already a customer, whose thread is
   * where "away until Monday" is worth seeing. From anyone else it stays here.
   */
  customerEntry: NormalizedInbound | null;
}

export type SyncedEmail = CustomerEmail | OtherEmail;

/**
 * What one sync step hands the store: messages, messages another client marked read, and where the
 * folder's sync stands after them. It is committed as one transaction, so the checkpoint never runs
 * ahead of the messages or behind them.
 */
export interface EmailBatch {
  accountId: string;
  emails: SyncedEmail[];
  /** Stable ids of messages now flagged \Seen on the server. */
  seenIds: string[];
  /** UIDs of the checkpoint's folder the server reported expunged (QRESYNC); their entries stay. */
  removedUids?: number[];
  checkpoint: FolderCheckpoint;
}
