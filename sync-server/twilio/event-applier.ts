import type { BlobStore } from '../blobs/blob-store';
import type { ServerDb } from '../store/server-db';
import { applyCallEvent } from './apply-call';
import { prepareInboundMessage, writeInboundMessages, type PreparedMessage } from './apply-message';
import { applyStatus } from './apply-status';
import type { WriteRoom } from './document-writer';
import { getTwilioAccount, type TwilioAccount } from './twilio-accounts';
import type { TwilioApiAccess } from './twilio-api';
import { markEvents, pendingEvents, type EventOutcome, type StoredEvent } from './webhook-events';

export interface ApplierContext {
  db: ServerDb;
  writeRoom: WriteRoom;
  blobs: BlobStore;
  api: TwilioApiAccess;
  log: (line: string) => void;
}

interface Waiting {
  event: StoredEvent;
  done: () => void;
}

/**
 * Writes stored webhook events into the workspace's documents, in arrival order per workspace, so
 * two events of one customer never race for the same contact or call. Inbound messages that queue up
 * while a write is under way are written together (one workspace and one month transaction for the
 * lot), which is what keeps a burst of webhooks from waiting on one another's disk writes. An event
 * that fails stays pending in the server's database and is tried again (`retryPending`), so nothing
 * acknowledged is lost.
 */
export class EventApplier {
  private readonly queues = new Map<string, Waiting[]>();
  private readonly running = new Map<string, Promise<void>>();
  /** Events queued or being written, so a retry never queues one twice. */
  private readonly inQueue = new Set<number>();

  constructor(private readonly context: ApplierContext) {}

  /** Resolves once the event is in the documents, or was left pending (the reason is logged). */
  apply(event: StoredEvent): Promise<void> {
    if (this.inQueue.has(event.id)) return Promise.resolve();
    this.inQueue.add(event.id);
    return new Promise((resolve) => {
      const done = () => {
        this.inQueue.delete(event.id);
        resolve();
      };
      const queue = this.queues.get(event.workspaceId) ?? [];
      queue.push({ event, done });
      this.queues.set(event.workspaceId, queue);
      if (!this.running.has(event.workspaceId)) this.running.set(event.workspaceId, this.drain(event.workspaceId));
    });
  }

  /** Statuses that arrived before their message was known, now that it is. */
  async applyWaitingFor(workspaceId: string, sid: string): Promise<void> {
    await Promise.all(pendingEvents(this.context.db, { workspaceId, sid }).map((event) => this.apply(event)));
  }

  async retryPending(): Promise<void> {
    await Promise.all(pendingEvents(this.context.db).map((event) => this.apply(event)));
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  private async drain(workspaceId: string): Promise<void> {
    for (;;) {
      const batch = this.queues.get(workspaceId)?.splice(0) ?? [];
      if (batch.length === 0) break;
      await this.applyBatch(workspaceId, batch);
    }
    this.queues.delete(workspaceId);
    this.running.delete(workspaceId);
  }

  /** Runs of inbound messages are written together; statuses and calls one by one, in order. */
  private async applyBatch(workspaceId: string, batch: Waiting[]): Promise<void> {
    const account = getTwilioAccount(this.context.db, workspaceId);
    if (!account) return this.leavePending(batch, `workspace ${workspaceId} has no Twilio account any more`);
    let run: Waiting[] = [];
    const flushRun = async () => {
      if (run.length > 0) await this.applyMessages(account, run);
      run = [];
    };
    for (const waiting of batch) {
      if (waiting.event.endpoint === 'sms') {
        run.push(waiting);
        continue;
      }
      await flushRun();
      await this.settle([waiting], () => this.applyOne(account, waiting.event));
    }
    await flushRun();
  }

  private async applyMessages(account: TwilioAccount, run: Waiting[]): Promise<void> {
    const prepared: PreparedMessage[] = [];
    const ready: Waiting[] = [];
    await Promise.all(
      run.map(async (waiting) => {
        try {
          prepared.push(await prepareInboundMessage(this.context, account, waiting.event));
          ready.push(waiting);
        } catch (error) {
          this.leavePending([waiting], describe(error));
        }
      }),
    );
    const order = new Map(run.map((waiting, index) => [waiting.event.id, index]));
    prepared.sort((a, b) => (order.get(a.event.id) ?? 0) - (order.get(b.event.id) ?? 0));
    await this.settle(ready, async () => {
      await writeInboundMessages(this.context.writeRoom, account, prepared);
      return 'applied';
    });
  }

  private async applyOne(account: TwilioAccount, event: StoredEvent): Promise<EventOutcome> {
    if (event.endpoint === 'status') return applyStatus(this.context.db, this.context.writeRoom, event);
    await applyCallEvent(this.context, account, event);
    return 'applied';
  }

  /** Marks the events with the write's outcome, or leaves them pending when it failed; always answers their callers. */
  private async settle(waiting: Waiting[], write: () => Promise<EventOutcome>): Promise<void> {
    if (waiting.length === 0) return;
    try {
      const outcome = await write();
      markEvents(this.context.db, waiting.map(({ event }) => ({ id: event.id, outcome })));
      for (const { done } of waiting) done();
    } catch (error) {
      this.leavePending(waiting, describe(error));
    }
  }

  private leavePending(waiting: Waiting[], reason: string): void {
    for (const { event, done } of waiting) {
      this.context.log(`twilio: ${event.endpoint} event ${event.id} (${event.sid}) stays pending: ${reason}`);
      done();
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
