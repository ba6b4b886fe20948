import type Database from 'better-sqlite3';
import { isCustomerVisible, type TimelineEntry } from '../../../src-shared/domain/timeline';
import { previewOf } from '../../../src-shared/domain/preview';

/**
 * Keeps the columns the inbox list reads (last activity, preview, unread, needs response) in step
 * with the timeline. `applyEntries` folds new entries in without reading the timeline, written so that
 * entries arriving out of order (a backfill of old mail) never take over the preview or needs-response
 * of newer ones; `recompute` rebuilds from the timeline after entries move between conversations.
 * A customer's auto-reply counts as unread but leaves needs response as it was: an out-of-office
 * answer to our reply asks for no other, and one to their own question does not answer it.
 */
export function createConversationRollup(sqlite: Database.Database) {
  // Two statements, because the counts trigger fires on any UPDATE that sets unread_count or
  // needs_response: the first never sets them, the second only when one of them really changes.
  const applyLatest = sqlite.prepare(`
    UPDATE conversations SET last_at = :at, preview = :preview, last_channel = :channel, last_direction = :direction
    WHERE id = :id AND :at >= last_at`);
  const applyAttention = sqlite.prepare(`
    UPDATE conversations SET unread_count = unread_count + delta.unread, needs_response = delta.needs
    FROM (SELECT
      (SELECT count(*) FROM json_each(:inboundAts) j, conversations c WHERE c.id = :id AND j.value > c.read_up_to) AS unread,
      CASE WHEN :visibleAt IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM entries e
        WHERE e.conversation_id = :id AND e.kind IN ('message', 'call') AND NOT e.auto_reply AND e.occurred_at > :visibleAt
      ) THEN (:visibleInbound AND :visibleAt > (SELECT dismissed_up_to FROM conversations WHERE id = :id))
      ELSE (SELECT needs_response FROM conversations WHERE id = :id) END AS needs
    ) AS delta
    WHERE id = :id AND (delta.unread > 0 OR needs_response != delta.needs)`);

  const recomputeStatement = sqlite.prepare(`
    UPDATE conversations SET
      last_at = coalesce(latest.occurred_at, conversations.last_at),
      preview = coalesce(latest.preview, ''),
      last_channel = latest.channel,
      last_direction = latest.direction,
      unread_count = (
        SELECT count(*) FROM entries e
        WHERE e.conversation_id = conversations.id AND e.occurred_at > conversations.read_up_to
          AND e.direction = 'inbound' AND e.kind IN ('message', 'call')),
      needs_response = coalesce((
        SELECT e.direction = 'inbound' AND e.occurred_at > conversations.dismissed_up_to FROM entries e
        WHERE e.conversation_id = conversations.id AND e.kind IN ('message', 'call') AND NOT e.auto_reply
        ORDER BY e.occurred_at DESC, e.seq DESC LIMIT 1), 0)
    FROM (SELECT :id AS id, :at AS occurred_at, :preview AS preview, :channel AS channel, :direction AS direction) AS latest
    WHERE conversations.id = latest.id`);

  // The mark stops short of the first missed call or voicemail nobody resolved: those stay unread
  // until someone deals with them, however often the thread is looked at.
  const markReadStatement = sqlite.prepare(`
    WITH mark AS (SELECT min(:upTo, coalesce((
      SELECT min(occurred_at) - 1 FROM entries
      WHERE conversation_id = :id AND kind = 'call' AND direction = 'inbound'
        AND call_outcome IN ('missed', 'voicemail') AND call_resolved_at IS NULL), :upTo)) AS upTo)
    UPDATE conversations SET
      read_up_to = max(read_up_to, (SELECT upTo FROM mark)),
      unread_count = (
        SELECT count(*) FROM entries e
        WHERE e.conversation_id = :id AND e.occurred_at > max(conversations.read_up_to, (SELECT upTo FROM mark))
          AND e.direction = 'inbound' AND e.kind IN ('message', 'call'))
    WHERE id = :id
    RETURNING unread_count AS unreadCount`);

  const dismissStatement = sqlite.prepare(`
    UPDATE conversations SET dismissed_up_to = :upTo WHERE id = :id AND dismissed_up_to < :upTo`);

  const latestEntry = sqlite.prepare(`
    SELECT kind, subject, body, occurred_at AS occurredAt, channel, direction,
      call_duration_sec AS durationSec, call_outcome AS outcome, call_transcription AS transcription
    FROM entries WHERE conversation_id = ? ORDER BY occurred_at DESC, seq DESC LIMIT 1`);

  return {
    /**
     * Folds new entries into their conversations' rows: one pair of statements per conversation, not
     * per entry, so a batch of a busy customer's mail costs what one message does.
     */
    applyEntries(entries: readonly RollupEntry[]): void {
      for (const group of groupByConversation(entries)) {
        const { latest, newestDeciding, inboundAts } = group;
        applyLatest.run({ id: group.id, at: latest.occurredAt, preview: previewOf(latest), channel: latest.channel, direction: latest.direction });
        if (!newestDeciding && inboundAts.length === 0) continue;
        applyAttention.run({
          id: group.id,
          inboundAts: JSON.stringify(inboundAts),
          visibleAt: newestDeciding?.occurredAt ?? null,
          visibleInbound: newestDeciding?.direction === 'inbound' ? 1 : 0,
        });
      }
    },

    applyEntry(entry: RollupEntry): void {
      this.applyEntries([entry]);
    },

    /** The read mark only moves forward, so a stale PC cannot make read messages unread again. */
    markRead(conversationId: string, upTo: number): number | null {
      const row = markReadStatement.get({ id: conversationId, upTo }) as { unreadCount: number } | undefined;
      return row?.unreadCount ?? null;
    },

    /**
     * "No reply needed": what came up to `upTo` no longer asks for one; a later message from the
     * customer does again. Like the read mark, it only moves forward.
     */
    dismissNeedsResponse(conversationId: string, upTo: number): boolean {
      if (dismissStatement.run({ id: conversationId, upTo }).changes === 0) return false;
      this.recompute(conversationId);
      return true;
    },

    recompute(conversationId: string): void {
      const latest = latestEntry.get(conversationId) as LatestRow | undefined;
      recomputeStatement.run({
        id: conversationId,
        at: latest?.occurredAt ?? null,
        preview: latest ? previewOf(toPreviewInput(latest)) : null,
        channel: latest?.channel ?? null,
        direction: latest?.direction ?? null,
      });
    },
  };
}

export type ConversationRollup = ReturnType<typeof createConversationRollup>;

interface ConversationDelta {
  id: string;
  latest: RollupEntry;
  /** The newest message or call that asks for a response or gives one; an auto-reply does neither. */
  newestDeciding: RollupEntry | null;
  /** When each new inbound customer-visible entry happened; those after the read mark are unread. */
  inboundAts: number[];
}

/** Later entries of the same instant win, as they would arriving one by one. */
function groupByConversation(entries: readonly RollupEntry[]): ConversationDelta[] {
  const groups = new Map<string, ConversationDelta>();
  for (const entry of entries) {
    let group = groups.get(entry.conversationId);
    if (!group) {
      group = { id: entry.conversationId, latest: entry, newestDeciding: null, inboundAts: [] };
      groups.set(entry.conversationId, group);
    }
    if (entry.occurredAt >= group.latest.occurredAt) group.latest = entry;
    if (!isCustomerVisible(entry.kind)) continue;
    if (entry.direction === 'inbound') group.inboundAts.push(entry.occurredAt);
    if (entry.autoReply) continue;
    if (!group.newestDeciding || entry.occurredAt >= group.newestDeciding.occurredAt) group.newestDeciding = entry;
  }
  return [...groups.values()];
}

export type RollupEntry = Pick<
  TimelineEntry,
  'conversationId' | 'kind' | 'channel' | 'direction' | 'subject' | 'body' | 'occurredAt' | 'call' | 'autoReply'
>;

interface LatestRow {
  kind: TimelineEntry['kind'];
  subject: string | null;
  body: string;
  occurredAt: number;
  channel: string;
  direction: string | null;
  durationSec: number | null;
  outcome: NonNullable<TimelineEntry['call']>['outcome'] | null;
  transcription: string | null;
}

function toPreviewInput(row: LatestRow) {
  return {
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    call: row.outcome
      ? { durationSec: row.durationSec ?? 0, outcome: row.outcome, recordingUrl: null, transcription: row.transcription }
      : null,
  };
}
