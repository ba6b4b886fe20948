import { afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../../src-main/channels/channel';
import { createEmailChannel } from '../../../src-main/channels/email/sync/email-channel';
import { syncOnce } from '../../../src-main/channels/email/sync/sync-once';
import { stableIds } from '../../../src-main/core/ingest/stable-ids';
import type { EmailHtml } from '../../../src-shared/api/email-display';
import { useMailServer } from '../../support/mail-server/use-mail-server';
import { useTempDirs } from '../../support/temp-dir';
import { appendAll, composeMessage, openEmailCore, waitFor } from './email-sync-harness';

const tempDir = useTempDirs();
const mail = useMailServer('each');
let channel: Channel | null = null;

afterEach(async () => {
  await channel?.stop();
  channel = null;
});

const danaWrites = (n: number) =>
  composeMessage({
    from: 'Dana Whitfield <dana@customer.test>',
    to: 'Alice Plumbing <alice@example.test>',
    subject: `Leak, part ${n}`,
    text: `Message ${n} about the leak.`,
    messageId: `<dana-${n}@customer.test>`,
    date: new Date(Date.UTC(2026, 2, 2, 8 + n)),
  });

/** What alice does in her other mail program: delete (expunge) one message of INBOX. */
async function deleteElsewhere(messageId: string): Promise<void> {
  const lock = await mail.client.getMailboxLock('INBOX');
  try {
    const [uid] = (await mail.client.search({ header: { 'message-id': messageId } }, { uid: true })) || [];
    if (uid === undefined) throw new Error(`${messageId} is not in INBOX`);
    await mail.client.messageDelete(String(uid), { uid: true });
  } finally {
    lock.release();
  }
}

async function emailHtml(opened: ReturnType<typeof openEmailCore>, entryId: string): Promise<EmailHtml> {
  const result = await opened.core.dispatch('email.html', { entryId });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as EmailHtml;
}

describe('messages expunged from the mailbox (QRESYNC)', () => {
  it('keeps the entry of a message deleted in another mail program, marked as no longer in INBOX', async () => {
    expect(mail.client.capabilities.has('QRESYNC')).toBe(true);
    const opened = openEmailCore(tempDir(), mail.server);
    const password = mail.server.users[0]!.password;
    await appendAll(mail.client, 'INBOX', [await danaWrites(1), await danaWrites(2), await danaWrites(3)]);
    await syncOnce(opened.account, password, opened.emailStore);
    const [one, two, three] = [1, 2, 3].map((n) => stableIds.email(`<dana-${n}@customer.test>`)) as [string, string, string];

    await deleteElsewhere('<dana-2@customer.test>');
    const before = Date.now();
    await syncOnce(opened.account, password, opened.emailStore);

    expect(opened.count(`SELECT count(*) FROM entries WHERE channel = 'email'`)).toBe(3);
    expect((await emailHtml(opened, two)).removed).toEqual({ folder: 'INBOX', at: expect.any(Number) });
    expect((await emailHtml(opened, two)).removed!.at).toBeGreaterThanOrEqual(before);
    expect((await emailHtml(opened, one)).removed).toBeNull();
    expect((await emailHtml(opened, three)).removed).toBeNull();
    // The customer's words stay searchable.
    const hits = await opened.core.dispatch('search.query', { query: 'Message 2' });
    expect(hits.ok && (hits.value as Array<{ entryId: string | null }>).map((hit) => hit.entryId)).toContain(two);

    // What an open thread asks for when told something changed: the details alone, unknown ids left out.
    const details = await opened.core.dispatch('email.details', { entryIds: [one, two, 'email:not-synced'] });
    expect(details.ok && details.value).toEqual({
      [one]: { autoReply: false, calendar: null, removed: null },
      [two]: { autoReply: false, calendar: null, removed: { folder: 'INBOX', at: expect.any(Number) } },
    });

    const at = (await emailHtml(opened, two)).removed!.at;
    await syncOnce(opened.account, password, opened.emailStore);
    expect((await emailHtml(opened, two)).removed!.at).toBe(at);
    opened.core.close();
  });

  it('notices a deletion while waiting in IDLE, within seconds', async () => {
    const opened = openEmailCore(tempDir(), mail.server);
    await appendAll(mail.client, 'INBOX', [await danaWrites(1)]);
    channel = createEmailChannel(opened.account, mail.server.users[0]!.password, opened.emailStore, { backoff: { firstMs: 200, maxMs: 2_000 } });
    await channel.start();
    await waitFor(() => channel?.health().state === 'live', 10_000, 'the first sync');

    await deleteElsewhere('<dana-1@customer.test>');
    const removedAt = () =>
      opened.sqlite.prepare('SELECT removed_at FROM email_messages WHERE id = ?').pluck().get(stableIds.email('<dana-1@customer.test>'));
    await waitFor(() => removedAt() !== null, 3_000, 'the expunge to be recorded');
    expect(opened.count(`SELECT count(*) FROM entries WHERE channel = 'email'`)).toBe(1);
    opened.core.close();
  });
});
