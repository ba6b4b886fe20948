import type { BlobStore } from '../blobs/blob-store';
import type { ServerDb } from '../store/server-db';
import { applyCallEvent } from './apply-call';
import { applyInboundMessage } from './apply-message';
import { applyStatus } from './apply-status';
import type { WriteRoom } from './document-writer';
import { getTwilioAccount } from './twilio-accounts';
import type { TwilioApiAccess } from './twilio-api';
import { markEvent, pendingEvents, type EventOutcome, type StoredEvent } from './webhook-events';

export interface ApplierContext {
  db: ServerDb;
  writeRoom: WriteRoom;
  blobs: BlobStore;
  api: TwilioApiAccess;
  log: (line: string) => void;
}

/**
 * Writes stored webhook events into the workspace's documents, one at a time per workspace so two
 * events of one customer never race for the same contact or call. An event that fails stays pending
 * in the server's database and is tried again (`retryPending`), so nothing acknowledged is lost.
 */
export class EventApplier {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly context: ApplierContext) {}

  /** Resolves once the event is in the documents, or was left pending (the reason is logged). */
  apply(event: StoredEvent): Promise<void> {
    const previous = this.queues.get(event.workspaceId) ?? Promise.resolve();
    const done = previous.then(() => this.applyNow(event));
    const tail = done.finally(() => {
      if (this.queues.get(event.workspaceId) === tail) this.queues.delete(event.workspaceId);
    });
    this.queues.set(event.workspaceId, tail);
    return done;
  }

  /** Statuses that arrived before their message was known, now that it is. */
  async applyWaitingFor(workspaceId: string, sid: string): Promise<void> {
    for (const event of pendingEvents(this.context.db, { workspaceId, sid })) await this.apply(event);
  }

  async retryPending(): Promise<void> {
    for (const event of pendingEvents(this.context.db)) await this.apply(event);
  }

  async idle(): Promise<void> {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
  }

  private async applyNow(event: StoredEvent): Promise<void> {
    try {
      markEvent(this.context.db, event.id, await this.write(event));
    } catch (error) {
      this.context.log(`twilio: ${event.endpoint} event ${event.id} (${event.sid}) stays pending: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async write(event: StoredEvent): Promise<EventOutcome> {
    const { db, writeRoom } = this.context;
    const account = getTwilioAccount(db, event.workspaceId);
    if (!account) throw new Error(`workspace ${event.workspaceId} has no Twilio account any more`);
    if (event.endpoint === 'status') return applyStatus(db, writeRoom, event);
    if (event.endpoint === 'voice') await applyCallEvent(db, writeRoom, account, event);
    else await applyInboundMessage(this.context, account, event);
    return 'applied';
  }
}
