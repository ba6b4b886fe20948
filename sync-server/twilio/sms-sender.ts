import twilio from 'twilio';
import { itemsInState, moveOutboxItem, type OutboxItemRecord } from '../../src-shared/sync/outbox-doc';
import { advanceStatus, putEntry } from '../../src-shared/sync/timeline-doc';
import type { DeliveryStatus } from '../../src-shared/domain/timeline';
import { consentOf, publishSmsSettings, SMS_CONSENT_MAP, type ConsentRecord } from '../../src-shared/sync/twilio-workspace-doc';
import type { ServerDb } from '../store/server-db';
import { listMonth, type WriteRoom } from './document-writer';
import type { EventApplier } from './event-applier';
import { rememberLocation } from './message-index';
import { unauthorizedReason } from './outbox-writers';
import { getTwilioAccount, publicSettings, type TwilioAccount } from './twilio-accounts';
import { restClient, type TwilioApiAccess } from './twilio-api';

export interface SenderContext {
  db: ServerDb;
  writeRoom: WriteRoom;
  api: TwilioApiAccess;
  applier: EventApplier;
  publicUrl(): string | null;
  log: (line: string) => void;
  now?: () => number;
}

const INTERRUPTED =
  'sync-server stopped while sending this message, so it may or may not have reached the customer. Check before sending it again.';

/**
 * Executes the SMS items of a workspace's shared outbox. Each item is marked `sending` (stored) before
 * Twilio is called, with a StatusCallback URL naming the item; an item still `sending` when the
 * server next looks at the outbox (it stopped mid-send) becomes `unknown`, for a person to decide:
 * it is never sent again on its own.
 */
export class SmsSender {
  /** Items this process is sending right now: the only `sending` items that are not interrupted. */
  private readonly inFlight = new Set<string>();
  private readonly runs = new Map<string, { again: boolean; done: Promise<void> }>();

  constructor(private readonly context: SenderContext) {}

  /** Looks at the workspace's outbox soon; calls while a pass runs make it look once more. */
  poke(workspaceId: string): Promise<void> {
    const running = this.runs.get(workspaceId);
    if (running) {
      running.again = true;
      return running.done;
    }
    const run = { again: true, done: Promise.resolve() };
    run.done = (async () => {
      while (run.again) {
        run.again = false;
        await this.drain(workspaceId).catch((error: unknown) => this.context.log(`twilio: outbox of ${workspaceId}: ${describe(error)}`));
      }
      this.runs.delete(workspaceId);
    })();
    this.runs.set(workspaceId, run);
    return run.done;
  }

  async idle(): Promise<void> {
    while (this.runs.size > 0) await Promise.all([...this.runs.values()].map((run) => run.done));
  }

  private async drain(workspaceId: string): Promise<void> {
    const { db, writeRoom } = this.context;
    const account = getTwilioAccount(db, workspaceId);
    const publicUrl = this.context.publicUrl();
    if (!account || !publicUrl) return;
    const now = this.now();
    const optedOut = await writeRoom({ kind: 'workspace', workspaceId }, (doc) => {
      publishSmsSettings(doc, publicSettings(account));
      return new Map([...doc.getMap<ConsentRecord>(SMS_CONSENT_MAP).keys()].map((n) => [n, consentOf(doc, n)] as const));
    });
    const claimed = await writeRoom({ kind: 'outbox', workspaceId }, (doc) => {
      // Email and WhatsApp items are the channel host's to execute and to recover, never the server's.
      for (const item of itemsInState(doc, 'sending').filter((i) => i.channel === 'sms')) {
        if (!this.inFlight.has(item.id)) moveOutboxItem(doc, item.id, 'unknown', { at: now, error: INTERRUPTED });
      }
      const ready: OutboxItemRecord[] = [];
      for (const item of itemsInState(doc, 'queued').filter((i) => i.channel === 'sms')) {
        moveOutboxItem(doc, item.id, 'sending', { at: now });
        const refusal = unauthorizedReason(this.context.db, workspaceId, item) ?? refusalFor(item, optedOut.get(item.to) ?? null);
        if (refusal) moveOutboxItem(doc, item.id, 'failed', { at: now, error: refusal });
        else {
          this.inFlight.add(item.id);
          ready.push(item);
        }
      }
      return ready;
    });
    if (claimed.length > 0) {
      await writeRoom({ kind: 'workspace', workspaceId }, (doc) => claimed.forEach((item) => listMonth(doc, item.entryMonth)));
    }
    for (const item of claimed) {
      try {
        await this.send(account, publicUrl, item);
      } finally {
        this.inFlight.delete(item.id);
      }
    }
  }

  private async send(account: TwilioAccount, publicUrl: string, item: OutboxItemRecord): Promise<void> {
    const { writeRoom, db } = this.context;
    const workspaceId = account.workspaceId;
    await this.showEntry(workspaceId, item, 'sending', null);
    let sid: string;
    try {
      const message = await restClient(account, this.context.api).messages.create({
        to: item.to,
        from: account.number,
        body: item.body,
        statusCallback: `${publicUrl}/twilio/status?ws=${encodeURIComponent(workspaceId)}&outbox=${encodeURIComponent(item.id)}`,
      });
      sid = message.sid;
    } catch (error) {
      const verdict = failureOf(error);
      this.context.log(`twilio: outbox item ${item.id} ${verdict.state}: ${verdict.reason}`);
      await writeRoom({ kind: 'outbox', workspaceId }, (doc) => moveOutboxItem(doc, item.id, verdict.state, { at: this.now(), error: verdict.reason }));
      await this.showEntry(workspaceId, item, verdict.state, verdict.reason);
      return;
    }
    rememberLocation(db, workspaceId, sid, { entryId: item.entryId, month: item.entryMonth, outboxItemId: item.id });
    await writeRoom({ kind: 'outbox', workspaceId }, (doc) => moveOutboxItem(doc, item.id, 'sent', { at: this.now(), providerId: sid }));
    await this.showEntry(workspaceId, item, 'sent', null);
    await this.context.applier.applyWaitingFor(workspaceId, sid);
  }

  /** The entry the composing PC wrote is made here too if it is missing, so the item always has its line in the thread. */
  private showEntry(workspaceId: string, item: OutboxItemRecord, status: DeliveryStatus, error: string | null): Promise<boolean> {
    return this.context.writeRoom({ kind: 'timeline', workspaceId, month: item.entryMonth }, (doc) => {
      putEntry(doc, {
        id: item.entryId,
        conversationId: item.conversationId,
        contactId: item.contactId,
        kind: 'message',
        channel: 'sms',
        direction: 'outbound',
        authorMemberId: item.authorMemberId,
        subject: null,
        body: item.body,
        occurredAt: item.createdAt,
        deliveryStatus: 'queued',
        attachments: item.media,
        call: null,
      });
      return advanceStatus(doc, item.entryId, { status, error, at: this.now() });
    });
  }

  private now(): number {
    return (this.context.now ?? Date.now)();
  }
}

/** Why an item must not go out at all; null when it may. */
function refusalFor(item: OutboxItemRecord, consent: ConsentRecord | null): string | null {
  if (consent?.optedOut) {
    const when = new Date(consent.changedAt).toISOString().slice(0, 10);
    return `Not sent: ${item.to} replied ${consent.keyword ?? 'STOP'} on ${when} and has opted out of texts. They must text START before you can message them.`;
  }
  if (item.media.length > 0) return 'Not sent: pictures cannot be sent by SMS from Switchboard yet. Send the text alone.';
  return null;
}

/**
 * Twilio refusing the request (4xx) means nothing was sent. No answer, or a 5xx, may hide a message
 * that went out, so the item is `unknown` rather than failed and retried.
 */
function failureOf(error: unknown): { state: 'failed' | 'unknown'; reason: string } {
  if (error instanceof twilio.RestException) {
    const answer = `${error.code ?? error.status}: ${error.message}`;
    if (error.status < 500) return { state: 'failed', reason: `Twilio refused the message (${answer})` };
    return { state: 'unknown', reason: `Twilio had a problem (${answer}); the text may or may not have gone out. Check before sending it again.` };
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND') return { state: 'failed', reason: `Could not reach Twilio (${code}); nothing was sent.` };
  return { state: 'unknown', reason: `No clear answer from Twilio (${describe(error)}). Check before sending it again.` };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
