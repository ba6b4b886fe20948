import { inArray } from 'drizzle-orm';
import type { OutboxStatus } from '../../../src-shared/domain/outbox';
import type { TimelineEntry } from '../../../src-shared/domain/timeline';
import { getEntry } from '../entries/entry-repo';
import { outbox } from '../store/schema';
import type { StoreDb } from '../store/open-store';
import type { OutboxItem } from './outbox-repo';
import { currentEmailAccount } from '../email/email-account-repo';

/** An email waits in the queue, not failing, while no account can send it; the entry says so. */
function statusOf(item: OutboxItem, accountConfigured: boolean): OutboxStatus {
  return {
    itemId: item.id,
    state: item.state,
    attempts: item.attempts,
    lastError: item.lastError,
    waitingFor: item.state === 'queued' && item.channel === 'email' && !accountConfigured ? 'email_account' : null,
  };
}

/** The thread's entries, each message we send carrying its outbox item's status. */
export function withOutboxStatus(db: StoreDb, workspaceId: string, entries: TimelineEntry[]): TimelineEntry[] {
  const outboundIds = entries.filter((entry) => entry.direction === 'outbound').map((entry) => entry.id);
  if (outboundIds.length === 0) return entries;
  const items = new Map(db.select().from(outbox).where(inArray(outbox.entryId, outboundIds)).all().map((item) => [item.entryId, item]));
  if (items.size === 0) return entries;
  const accountConfigured = canSendEmail(db, workspaceId);
  return entries.map((entry) => {
    const item = items.get(entry.id);
    return item ? { ...entry, outbox: statusOf(item, accountConfigured) } : entry;
  });
}

/** The entry of one item, as the API returns it after a change. */
export function outboxEntry(db: StoreDb, item: OutboxItem): TimelineEntry {
  const entry = getEntry(db, item.entryId);
  if (!entry) throw new Error(`Outbox item ${item.id} has no entry ${item.entryId}`);
  return { ...entry, outbox: statusOf(item, canSendEmail(db, item.workspaceId)) };
}

/** An account synced by the CLI alone has no SMTP server to send through. */
function canSendEmail(db: StoreDb, workspaceId: string): boolean {
  return Boolean(currentEmailAccount(db, workspaceId)?.smtpHost);
}
