import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { monthOf } from '../../../src-shared/sync/timeline-doc';
import { addOutboxItem, outboundSmsEntryId, type OutboxItemRecord } from '../../../src-shared/sync/outbox-doc';
import { openServerDb, SERVER_DB_FILE } from '../../../sync-server/store/server-db';
import { setTwilioAccount } from '../../../sync-server/twilio/twilio-accounts';
import { TwilioEmulator, type EmulatorAccount, type Fate } from '../../support/twilio-emulator/emulator';
import { connectClient, TestServer, type Client, type Member } from '../sync-server/harness';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The URL Twilio is configured with; the server really listens on loopback, as behind a proxy. */
export const PUBLIC_URL = 'https://sync.example.test';

/** The variable the in-process server reads the auth token from, as `serve` would from its environment. */
export const TOKEN_VARIABLE = 'SWITCHBOARD_TEST_TWILIO_TOKEN';

export const ACCOUNT: EmulatorAccount = {
  accountSid: `AC${'0123456789abcdef'.repeat(2)}`,
  authToken: 'f00dfeedf00dfeedf00dfeedf00dfeed',
  number: '+14155550100',
};
export const FORWARD_TO = '+14155550199';

export interface CorpusPayload {
  id: string;
  kind: 'inbound_sms' | 'inbound_mms' | 'status_callback' | 'whatsapp_via_twilio_inbound' | 'voice_call';
  raw_body: string;
  params: Record<string, string>;
  captured_headers?: Record<string, string>;
}

/** The real payloads, read where they live (never copied into the repo). */
export function corpusPayloads(): CorpusPayload[] {
  const file = path.resolve(repoRoot, '../shared/corpus/twilio/payloads.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { payloads: CorpusPayload[] }).payloads;
}

/** A real sync-server with Twilio set for its workspaces, the emulator in front of it, and Yjs clients reading it. */
export class TwilioRig {
  private readonly clients: Client[] = [];

  private constructor(
    readonly server: TestServer,
    readonly emulator: TwilioEmulator,
  ) {}

  static async start(options: { fates?: Record<string, Fate> } = {}): Promise<TwilioRig> {
    const emulator = await TwilioEmulator.start({ account: ACCOUNT, ...(options.fates ? { fates: options.fates } : {}) });
    const server = await TestServer.start({ publicUrl: PUBLIC_URL, twilioApi: emulator.api, idleUnloadMs: 200 });
    emulator.attach({ publicUrl: PUBLIC_URL, url: server.url });
    return new TwilioRig(server, emulator);
  }

  /** Creates the workspace with its owner and sets its Twilio account, as `workspace set-twilio` does. */
  async workspace(workspaceId: string, settings: { forwardTo?: string | null; pricePerSegment?: number | null } = {}): Promise<Member> {
    const owner = await this.server.workspace(workspaceId);
    this.configure(workspaceId, settings);
    return owner;
  }

  /** Sets the Twilio account of a workspace that already exists on the server (in this process, so its environment). */
  configure(workspaceId: string, settings: { forwardTo?: string | null; pricePerSegment?: number | null } = {}): void {
    process.env[TOKEN_VARIABLE] = ACCOUNT.authToken;
    const db = openServerDb(this.server.dataDir);
    setTwilioAccount(db, {
      workspaceId,
      accountSid: ACCOUNT.accountSid,
      authTokenEnv: TOKEN_VARIABLE,
      number: ACCOUNT.number,
      forwardTo: settings.forwardTo === undefined ? FORWARD_TO : settings.forwardTo,
      pricePerSegment: settings.pricePerSegment ?? 0.0079,
    });
    db.close();
  }

  /** A real y-websocket client on a room, synced. */
  async open(room: string, member: Member): Promise<Y.Doc> {
    const client = connectClient(this.server, room, member.token);
    this.clients.push(client);
    await client.synced();
    return client.doc;
  }

  monthRoom(workspaceId: string, at = Date.now()): string {
    return `ws/${workspaceId}/t/${monthOf(at)}`;
  }

  /** Writes an SMS into the shared outbox from a client, as the composer's core request does. */
  async queueSms(
    member: Member,
    input: { id: string; to: string; body: string; contactId?: string; conversationId?: string; initial?: 'queued' | 'pending_approval' },
  ): Promise<OutboxItemRecord> {
    const outbox = await this.open(`ws/${member.workspaceId}/outbox`, member);
    const createdAt = Date.now();
    const item: OutboxItemRecord = {
      id: input.id,
      channel: 'sms',
      conversationId: input.conversationId ?? `cv_${input.id}`,
      contactId: input.contactId ?? `ct_${input.id}`,
      entryId: outboundSmsEntryId(input.id),
      entryMonth: monthOf(createdAt),
      to: input.to,
      body: input.body,
      media: [],
      authorMemberId: member.memberId,
      createdAt,
    };
    addOutboxItem(outbox, item, input.initial ?? 'queued');
    return item;
  }

  /** Rows of a server table, read straight from its SQLite file. */
  rows<T>(sql: string, ...params: unknown[]): T[] {
    const db = new Database(path.join(this.server.dataDir, SERVER_DB_FILE), { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }

  async stop(): Promise<void> {
    for (const client of this.clients.splice(0)) client.destroy();
    await this.emulator.close();
    await this.server.stop();
  }
}
