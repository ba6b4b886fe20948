import type * as Y from 'yjs';
import { BlobStore } from '../blobs/blob-store';
import { watchOutboxWriters } from './outbox-writers';
import { blobRoute, BLOB_PATH } from '../blobs/blob-route';
import type { ServerDb } from '../store/server-db';
import type { WriteRoom } from './document-writer';
import { EventApplier } from './event-applier';
import { SmsSender } from './sms-sender';
import { twilioWorkspaceIds } from './twilio-accounts';
import type { TwilioApiAccess } from './twilio-api';
import { twilioWebhook, type WebHandler } from './webhook-handler';
import { EventRecorder } from './webhook-events';

export interface TwilioServiceOptions {
  db: ServerDb;
  dataDir: string;
  writeRoom: WriteRoom;
  api: TwilioApiAccess;
  publicUrl(): string | null;
  log: (line: string) => void;
}

/** Everything Twilio on the server: the three webhooks, the SMS sender, and the blob store media lands in. */
export interface TwilioService {
  /** The fetch-style handler for a request path, or null when the path is not ours. */
  route(path: string): WebHandler | null;
  /** A client wrote to this room: an outbox room may hold new SMS to send. */
  onClientUpdate(roomName: string): void;
  /** A room was created in memory: outbox rooms get their writers recorded. */
  onDocument(roomName: string, doc: Y.Doc): void;
  /** Applies what was stored but not applied before a restart, and looks at every outbox once. */
  start(): Promise<void>;
  /** Stops retrying and waits for the writes and sends under way. */
  stop(): Promise<void>;
}

const OUTBOX_ROOM = /^ws\/([A-Za-z0-9_-]{1,64})\/outbox$/;
/**
 * Events left pending (media Twilio would not hand over, a store that failed) are tried again this
 * often, and accounts changed by `workspace set-twilio` while the server runs are published to PCs.
 */
const RETRY_PENDING_MS = 30_000;

export function createTwilioService(options: TwilioServiceOptions): TwilioService {
  const blobs = new BlobStore(options.dataDir, options.db);
  const applier = new EventApplier({ db: options.db, writeRoom: options.writeRoom, blobs, api: options.api, log: options.log });
  const sender = new SmsSender({ db: options.db, writeRoom: options.writeRoom, api: options.api, applier, publicUrl: options.publicUrl, log: options.log });
  const webhookContext = { db: options.db, applier, recorder: new EventRecorder(options.db), publicUrl: options.publicUrl };
  const routes: Record<string, WebHandler> = {
    '/twilio/sms': twilioWebhook(webhookContext, 'sms'),
    '/twilio/status': twilioWebhook(webhookContext, 'status'),
    '/twilio/voice': twilioWebhook(webhookContext, 'voice'),
  };
  const blobHandler = blobRoute(options.db, blobs);
  let retry: NodeJS.Timeout | null = null;

  return {
    route: (path) => routes[path] ?? (BLOB_PATH.test(path) ? blobHandler : null),
    onDocument(roomName, doc) {
      const workspaceId = OUTBOX_ROOM.exec(roomName)?.[1];
      if (workspaceId) watchOutboxWriters(options.db, workspaceId, doc);
    },
    onClientUpdate(roomName) {
      const workspaceId = OUTBOX_ROOM.exec(roomName)?.[1];
      if (workspaceId) void sender.poke(workspaceId);
    },
    async start() {
      let checkedAt = Date.now();
      retry = setInterval(() => {
        void applier.retryPending();
        const since = checkedAt;
        checkedAt = Date.now();
        for (const id of twilioWorkspaceIds(options.db, since)) void sender.poke(id);
      }, RETRY_PENDING_MS);
      retry.unref();
      await applier.retryPending();
      await Promise.all(twilioWorkspaceIds(options.db).map((id) => sender.poke(id)));
    },
    async stop() {
      if (retry) clearInterval(retry);
      await applier.idle();
      await sender.idle();
    },
  };
}
