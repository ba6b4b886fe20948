import type { ImapFlow } from 'imapflow';
import { createEmailExecutor } from '../../../src-main/channels/email/send/email-executor';
import { syncOnce } from '../../../src-main/channels/email/sync/sync-once';
import type { MailServer } from '../../support/mail-server';
import { appendAll, composeMessage, openEmailCore } from '../email-sync/email-sync-harness';

/** alice's store with her account, the API, and an executor over the harness's Postfix. */
export function openSendingCore(dataDir: string, server: MailServer) {
  const opened = openEmailCore(dataDir, server);
  const alice = server.users[0]!;
  const request = async <T = unknown>(name: string, input: unknown): Promise<T> => {
    const result = await opened.core.dispatch(name, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const executor = (smtp: { port?: number; password?: string } = {}) =>
    createEmailExecutor({
      store: opened.core.store,
      account: opened.account,
      smtp: { host: server.smtp.host, port: smtp.port ?? server.smtp.port, tls: 'none' },
      password: smtp.password ?? alice.password,
      blobs: opened.emailStore.blobs,
    });
  const sync = () => syncOnce(opened.account, alice.password, opened.emailStore);
  const conversationOf = (address: string) =>
    opened.sqlite
      .prepare(`SELECT cv.id FROM conversations cv JOIN identities i ON i.contact_id = cv.contact_id WHERE i.kind = 'email' AND i.value = ?`)
      .pluck()
      .get(address) as string;
  return { ...opened, request, executor, sync, conversationOf };
}

/**
 * bob writes to alice, in a thread that started earlier (`<thread>-0`), and alice's store syncs it:
 * the customer thread a reply answers. Returns bob's conversation.
 */
export async function bobWrites(server: MailServer, aliceImap: ImapFlow, opened: ReturnType<typeof openSendingCore>, thread: string) {
  const bob = server.users[1]!;
  const message = await composeMessage({
    from: `Bob Customer <${bob.address}>`,
    to: `Alice Plumbing <${server.users[0]!.address}>`,
    subject: 'The kitchen tap is dripping',
    text: 'Can you come and look at it this week?',
    messageId: `<${thread}-1@customer.test>`,
    inReplyTo: `<${thread}-0@example.test>`,
    references: [`<${thread}-0@example.test>`],
  });
  await appendAll(aliceImap, 'INBOX', [message]);
  await opened.sync();
  return opened.conversationOf(bob.address);
}

/** UIDs of messages with this Message-ID in a folder, as the recipient's mail client would find them. */
export async function findByMessageId(client: ImapFlow, folder: string, messageId: string): Promise<number[]> {
  const lock = await client.getMailboxLock(folder);
  try {
    return (await client.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
  } finally {
    lock.release();
  }
}

/** Delivery through Postfix and LMTP takes a moment after SMTP accepted the message. */
export async function waitForDelivery(client: ImapFlow, folder: string, messageId: string, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [uid] = await findByMessageId(client, folder, messageId);
    if (uid !== undefined) return uid;
    if (Date.now() > deadline) throw new Error(`${messageId} did not arrive in ${folder} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
