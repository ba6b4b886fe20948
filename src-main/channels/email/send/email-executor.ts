import { existsSync } from 'node:fs';
import type { BlobStore } from '../../../core/blobs/blob-store';
import type { MailServerSettings } from '../../../../src-shared/domain/email-account';
import type { EmailAccount } from '../../../core/email/email-account-repo';
import { markEmailSent } from '../../../core/outbox/mark-email-sent';
import type { OutboxItem } from '../../../core/outbox/outbox-repo';
import { createOutboxQueue } from '../../../core/outbox/outbox-queue';
import type { Store } from '../../../core/store/open-store';
import { createImapClient } from '../sync/imap-connection';
import { appendToSent } from './append-to-sent';
import { composeOutbound } from './compose-outbound';
import { createSmtpTransport } from './smtp-transport';

export interface EmailExecutorOptions {
  store: Store;
  account: EmailAccount;
  smtp: MailServerSettings;
  /** The mailbox password, for SMTP and IMAP alike; given by the caller, never read from the store. */
  password: string;
  /** Where the attachments the composer uploaded are. */
  blobs: BlobStore;
  /** Told which conversations' entries changed state, so open screens refetch. */
  onChange?: (conversationIds: string[]) => void;
}

export interface DrainResult {
  sent: number;
  failed: number;
  /** Sent, but the copy could not be put in Sent; the customer has the message all the same. */
  appendErrors: string[];
}

/**
 * The email executor of the channel host (DESIGN.md, "Outbox"). Each queued item is marked `sending`
 * and committed before SMTP is spoken to, then `sent` or `failed` with the server's reason. A failed
 * item waits for a person's retry, and one left `sending` by a crash becomes `unknown` when the store
 * next opens: nothing is sent twice without a person asking. What went out is then appended to Sent.
 */
export function createEmailExecutor({ store, account, smtp, password, blobs, onChange = () => {} }: EmailExecutorOptions) {
  const queue = createOutboxQueue(store.db, 'email');
  const from = { address: account.address, name: account.senderName };

  /** Only the SMTP exchange counts as failing: once the server took the message, it is sent. */
  async function sendOne(transport: ReturnType<typeof createSmtpTransport>, item: OutboxItem): Promise<Buffer | null> {
    let raw: Buffer;
    const missing = item.payload.attachments.find((attachment) => !attachment.sha256 || !existsSync(blobs.pathOf(attachment.sha256)));
    if (missing) {
      queue.failed(item.id, `${missing.filename} is no longer stored on the channel host, so the email was not sent. Write it again with the file attached.`);
      onChange([item.conversationId]);
      return null;
    }
    try {
      raw = await composeOutbound(item.payload, from, new Date(), blobs.pathOf);
      const recipients = [...item.payload.to, ...item.payload.cc].map((r) => r.address);
      await transport.sendMail({ envelope: { from: account.address, to: recipients }, raw });
    } catch (error) {
      queue.failed(item.id, describeSmtpError(error, smtp));
      onChange([item.conversationId]);
      return null;
    }
    markEmailSent(store.db, item.id, account.id);
    onChange([item.conversationId]);
    return raw;
  }

  async function appendAll(sent: Array<{ raw: Buffer; messageId: string }>): Promise<string[]> {
    const client = createImapClient(account, password);
    // Without a listener an 'error' event would end the process; the failed command reports it anyway.
    client.on('error', () => {});
    try {
      await client.connect();
      const errors: string[] = [];
      for (const { raw, messageId } of sent) {
        await appendToSent(client, raw, messageId).catch((error: unknown) => errors.push(`${messageId}: ${String(error)}`));
      }
      return errors;
    } catch (error) {
      return sent.map(({ messageId }) => `${messageId}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  return {
    /** Sends every queued email, oldest first, one at a time. */
    async drain(): Promise<DrainResult> {
      const transport = createSmtpTransport({ server: smtp, user: account.username, password });
      const sent: Array<{ raw: Buffer; messageId: string }> = [];
      let failed = 0;
      try {
        for (let item = queue.claimNext(); item; item = queue.claimNext()) {
          onChange([item.conversationId]);
          const raw = await sendOne(transport, item);
          if (raw) sent.push({ raw, messageId: item.payload.messageId });
          else failed++;
        }
      } finally {
        transport.close();
      }
      const appendErrors = sent.length > 0 ? await appendAll(sent) : [];
      return { sent: sent.length, failed, appendErrors };
    },
  };
}

export type EmailExecutor = ReturnType<typeof createEmailExecutor>;

/** Said on the entry, for the person deciding whether to retry: which server, and what it answered. */
function describeSmtpError(error: unknown, smtp: MailServerSettings): string {
  const message = error instanceof Error ? error.message : String(error);
  return `The mail server ${smtp.host}:${smtp.port} did not take the message: ${message}`;
}
