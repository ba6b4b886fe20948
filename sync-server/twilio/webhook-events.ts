import type { ServerDb } from '../store/server-db';
import type { FormParams } from './form-params';
import { prepared } from './prepared';

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
 * Stores the event unless the same one is already stored (same sid and status or step, or the same
 * idempotency token). The unique indexes decide, so concurrent deliveries of one event cannot both
 * get in. Durable once the enclosing transaction commits.
 */
export function recordEvent(db: ServerDb, event: NewEvent): { event: StoredEvent; duplicate: boolean } {
  const result = prepared(
    db,
    `INSERT INTO twilio_events (workspace_id, endpoint, dedupe_key, idempotency_token, sid, query, params, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  ).run(
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

/**
 * Marks events written into the documents. This commit skips the fsync (the next durable commit
 * carries it to disk): a mark lost to a power cut only means the event is written again at start,
 * which changes nothing, since every write is idempotent.
 */
export function markEvents(db: ServerDb, marks: readonly { id: number; outcome: EventOutcome }[], now = Date.now()): void {
  const update = prepared(db, 'UPDATE twilio_events SET applied_at = ?, outcome = ? WHERE id = ?');
  db.pragma('synchronous = NORMAL');
  try {
    db.transaction(() => {
      for (const { id, outcome } of marks) update.run(outcome === 'applied' ? now : null, outcome, id);
    })();
  } finally {
    db.pragma('synchronous = FULL');
  }
}

/** How long a webhook may wait for others to share its commit: far less than one fsync. */
const GROUP_COMMIT_MS = 1;

/**
 * Stores events arriving together in one transaction: the commit (an fsync with synchronous=FULL)
 * is what each webhook waits for, and SQLite blocks the process while it runs, so one commit per
 * request would cap the server at one request per fsync.
 */
export class EventRecorder {
  private queue: { event: NewEvent; done: (result: { event: StoredEvent; duplicate: boolean }) => void; failed: (error: unknown) => void }[] = [];

  constructor(private readonly db: ServerDb) {}

  record(event: NewEvent): Promise<{ event: StoredEvent; duplicate: boolean }> {
    return new Promise((done, failed) => {
      if (this.queue.length === 0) setTimeout(() => this.flush(), GROUP_COMMIT_MS);
      this.queue.push({ event, done, failed });
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    let results: { event: StoredEvent; duplicate: boolean }[];
    try {
      results = this.db.transaction(() => batch.map(({ event }) => recordEvent(this.db, event)))();
    } catch (error) {
      for (const { failed } of batch) failed(error);
      return;
    }
    batch.forEach(({ done }, index) => done(results[index]!));
  }
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
