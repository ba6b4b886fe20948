import type { ServerDb } from '../store/server-db';
import type { FormParams } from './form-params';

export const ENDPOINTS = ['sms', 'status', 'voice'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

/** A webhook as it was accepted: enough to apply it again after a crash, exactly as the first time. */
export interface StoredEvent {
  id: number;
  workspaceId: string;
  endpoint: Endpoint;
  /** MessageSid or CallSid. */
  sid: string;
  /** Our own query parameters (step, outbox), which Twilio signed with the rest. */
  query: Record<string, string>;
  params: FormParams;
  receivedAt: number;
}

export interface NewEvent {
  workspaceId: string;
  endpoint: Endpoint;
  sid: string;
  dedupeKey: string;
  idempotencyToken: string | null;
  query: Record<string, string>;
  params: FormParams;
  receivedAt: number;
}

/** Events that could not be applied yet: a status for a message not known so far is `unmatched`. */
export type EventOutcome = 'applied' | 'unmatched';

interface EventRow {
  id: number;
  workspace_id: string;
  endpoint: string;
  sid: string;
  query: string;
  params: string;
  received_at: number;
}

/**
 * Stores the event durably unless the same one is already stored (same sid and status or step, or
 * the same idempotency token). The unique indexes decide, so concurrent deliveries of one event
 * cannot both get in.
 */
export function recordEvent(db: ServerDb, event: NewEvent): { event: StoredEvent; duplicate: boolean } {
  const result = db
    .prepare(
      `INSERT INTO twilio_events (workspace_id, endpoint, dedupe_key, idempotency_token, sid, query, params, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    )
    .run(
      event.workspaceId,
      event.endpoint,
      event.dedupeKey,
      event.idempotencyToken,
      event.sid,
      JSON.stringify(event.query),
      JSON.stringify(event.params),
      event.receivedAt,
    );
  const stored: StoredEvent = {
    id: Number(result.lastInsertRowid),
    workspaceId: event.workspaceId,
    endpoint: event.endpoint,
    sid: event.sid,
    query: event.query,
    params: event.params,
    receivedAt: event.receivedAt,
  };
  return { event: stored, duplicate: result.changes === 0 };
}

export function markEvent(db: ServerDb, id: number, outcome: EventOutcome, now = Date.now()): void {
  db.prepare('UPDATE twilio_events SET applied_at = ?, outcome = ? WHERE id = ?').run(outcome === 'applied' ? now : null, outcome, id);
}

/** Events not in the documents yet, oldest first; `unmatched` ones only when their sid is asked for. */
export function pendingEvents(db: ServerDb, filter: { workspaceId?: string; sid?: string } = {}): StoredEvent[] {
  const rows = filter.sid
    ? db
        .prepare<[string, string], EventRow>(
          'SELECT * FROM twilio_events WHERE workspace_id = ? AND sid = ? AND applied_at IS NULL ORDER BY id',
        )
        .all(filter.workspaceId ?? '', filter.sid)
    : db
        .prepare<[], EventRow>("SELECT * FROM twilio_events WHERE applied_at IS NULL AND outcome IS NOT 'unmatched' ORDER BY id")
        .all();
  return rows.map(toEvent);
}

function toEvent(row: EventRow): StoredEvent {
  const endpoint = row.endpoint as Endpoint;
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    endpoint,
    sid: row.sid,
    query: JSON.parse(row.query) as Record<string, string>,
    params: JSON.parse(row.params) as FormParams,
    receivedAt: row.received_at,
  };
}
