import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syncOnce } from '../../../src-main/channels/email/sync/sync-once';
import { DEFAULT_SYNC_OPTIONS } from '../../../src-main/channels/email/sync/sync-options';
import { folderCheckpoints } from '../../../src-main/core/email/email-folder-repo';
import { createOtherMailSearch } from '../../../src-main/core/email/other-mail-search';
import { threadEntries } from '../../../src-main/core/entries/entry-repo';
import { useMailServer } from '../../support/mail-server/use-mail-server';
import { useTempDirs } from '../../support/temp-dir';
import { appendAll, composeMessage, corpusMessage, corpusMessages, openEmailCore } from './email-sync-harness';

const tempDir = useTempDirs();
const mail = useMailServer('each');

const quote = Buffer.from('%PDF-1.4 estimate for the water heater, 1 450 USD\n');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function danaAsks() {
  return composeMessage({
    from: 'Dana Whitfield <dana@customer.test>',
    to: 'Alice Plumbing <alice@example.test>',
    subject: 'Water heater leaking',
    text: 'The water heater in the basement is leaking. Can you come this week?',
    messageId: '<dana-1@customer.test>',
    date: new Date('2026-03-02T09:00:00Z'),
    attachments: [{ filename: 'quote.pdf', content: quote, contentType: 'application/pdf' }],
  });
}

function aliceReplies() {
  return composeMessage({
    from: 'Alice Plumbing <alice@example.test>',
    to: 'Dana Whitfield <dana@customer.test>',
    subject: 'Re: Water heater leaking',
    text: 'We can come Thursday at 8.',
    messageId: '<alice-1@example.test>',
    inReplyTo: '<dana-1@customer.test>',
    references: ['<dana-1@customer.test>'],
    date: new Date('2026-03-02T10:30:00Z'),
  });
}


/** List mail from two real lists: apparmor (8) and the kernel list (4). */
const listMail = () => [...corpusMessages('apparmor-list'), ...corpusMessages('notmuch-lkml/thread05'), ...corpusMessages('notmuch-lkml/thread06')];
// Two real customer messages from the same sender, with 2 and 1 attachments.
const companyMail = ['php-mime-mail-parser/m0018.eml', 'php-mime-mail-parser/m0001.eml'];
const options = { ...DEFAULT_SYNC_OPTIONS, chunkSize: 4 };

describe('one sync of a real mailbox', () => {
  it('files customer mail by contact, list mail in other mail, attachments in the blob store, and checkpoints', async () => {
    await appendAll(mail.client, 'INBOX', [...listMail(), ...companyMail.map(corpusMessage), await danaAsks()]);
    await appendAll(mail.client, 'Sent', [await aliceReplies()]);
    const dataDir = tempDir();
    const { core, emailStore, account, sqlite, count } = openEmailCore(dataDir, mail.server);

    const stats = await syncOnce(account, mail.server.users[0]!.password, emailStore, options);
    expect(stats.messages).toBe(16);

    // Dana's question and our reply from Sent: one conversation, in order.
    const danaContact = sqlite.prepare(`SELECT contact_id FROM identities WHERE kind = 'email' AND value = 'dana@customer.test'`).pluck().get() as string;
    const danaConversation = sqlite.prepare('SELECT id FROM conversations WHERE contact_id = ?').pluck().get(danaContact) as string;
    const thread = threadEntries(core.store.db, danaConversation);
    expect(thread.map((e) => [e.direction, e.subject, e.deliveryStatus])).toEqual([
      ['inbound', 'Water heater leaking', 'received'],
      ['outbound', 'Re: Water heater leaking', 'sent'],
    ]);
    expect(sqlite.prepare(`SELECT display_name FROM contacts WHERE id = ?`).pluck().get(danaContact)).toBe('Dana Whitfield');
    expect(sqlite.prepare(`SELECT message_id, in_reply_to, "references" FROM email_messages WHERE id = ?`).get(thread[1]!.id)).toEqual({
      message_id: '<alice-1@example.test>',
      in_reply_to: '<dana-1@customer.test>',
      references: '["<dana-1@customer.test>"]',
    });

    // The attachment is in the blob store under its sha256, with the same bytes.
    const [attachment] = thread[0]!.attachments;
    expect(attachment).toMatchObject({ filename: 'quote.pdf', contentType: 'application/pdf', size: quote.length, sha256: sha256(quote) });
    expect(readFileSync(emailStore.blobs.pathOf(sha256(quote)))).toEqual(quote);
    expect(emailStore.blobs.pathOf(sha256(quote))).toContain(`/blobs/${sha256(quote).slice(0, 2)}/`);

    // The company's two real messages, grouped, with every attachment stored.
    const company = sqlite
      .prepare(`SELECT e.attachments FROM entries e JOIN identities i ON i.contact_id = e.origin_contact_id
        WHERE i.value = 'name@company.com' ORDER BY e.occurred_at`)
      .pluck()
      .all() as string[];
    expect(company).toHaveLength(2);
    const stored = company.flatMap((json) => JSON.parse(json) as Array<{ sha256: string }>);
    expect(stored.length).toBe(3);
    for (const { sha256: address } of stored) expect(existsSync(emailStore.blobs.pathOf(address))).toBe(true);

    // List mail is kept and searchable, and made no conversation: only Dana and the company have one.
    expect(count(`SELECT count(*) FROM other_mail WHERE category = 'list'`)).toBe(12);
    expect(count('SELECT count(*) FROM conversations')).toBe(2);
    const search = createOtherMailSearch(sqlite);
    expect(search(core.session.workspace.id, 'apparmor').rows.length).toBeGreaterThan(0);

    const checkpoints = folderCheckpoints(core.store.db, account.id);
    const inbox = await mail.client.status('INBOX', { uidValidity: true, highestModseq: true });
    if (!inbox) throw new Error('STATUS INBOX failed');
    expect(checkpoints.map((c) => [c.path, c.role, c.lastUid, c.backfillPhase]).sort()).toEqual([
      ['INBOX', 'inbox', 15, 'done'],
      ['Sent', 'sent', 1, 'done'],
    ]);
    const inboxCheckpoint = checkpoints.find((c) => c.path === 'INBOX')!;
    expect(inboxCheckpoint.uidValidity).toBe(Number(inbox.uidValidity));
    expect(inboxCheckpoint.highestModseq).toBe(String(inbox.highestModseq));
    core.close();
  });

  it('adds nothing when run again, and only the new messages after an APPEND', async () => {
    await appendAll(mail.client, 'INBOX', [...listMail(), await danaAsks()]);
    const { core, emailStore, account, counts } = openEmailCore(tempDir(), mail.server);
    const password = mail.server.users[0]!.password;

    await syncOnce(account, password, emailStore, options);
    const first = counts();
    expect(first).toEqual({ entries: 1, other: 12 });
    expect((await syncOnce(account, password, emailStore, options)).messages).toBe(0);
    expect(counts()).toEqual(first);

    await appendAll(mail.client, 'INBOX', companyMail.map(corpusMessage));
    await appendAll(mail.client, 'Sent', [await aliceReplies()]);
    expect((await syncOnce(account, password, emailStore, options)).messages).toBe(3);
    expect(counts()).toEqual({ entries: 4, other: 12 });
    core.close();
  });

  it('backfills older mail down to the horizon and no further', async () => {
    const monthsAgo = (months: number) => new Date(Date.now() - months * 30 * 24 * 3600 * 1000);
    const at = async (subject: string, months: number) => {
      const raw = await composeMessage({ from: `${subject}@customer.test`, to: 'alice@example.test', subject, text: subject, date: monthsAgo(months) });
      await mail.client.append('INBOX', raw, ['\\Seen'], monthsAgo(months));
    };
    await at('recent', 0);
    await at('older', 3);
    await at('beyond', 24);
    const { core, emailStore, account, sqlite } = openEmailCore(tempDir(), mail.server);

    await syncOnce(account, mail.server.users[0]!.password, emailStore, options);
    const subjects = sqlite.prepare(`SELECT subject FROM entries ORDER BY occurred_at`).pluck().all();
    expect(subjects).toEqual(['older', 'recent']);
    core.close();
  });

  it('marks a conversation read when the message is read in another mail mail.client (CONDSTORE)', async () => {
    await mail.client.append('INBOX', await danaAsks(), []);
    const { core, emailStore, account, sqlite } = openEmailCore(tempDir(), mail.server);
    const password = mail.server.users[0]!.password;
    const unread = () => sqlite.prepare('SELECT unread_count FROM conversations').pluck().get();

    await syncOnce(account, password, emailStore, options);
    expect(unread()).toBe(1);
    await mail.client.mailboxOpen('INBOX');
    await mail.client.messageFlagsAdd('1:*', ['\\Seen']);
    await syncOnce(account, password, emailStore, options);
    expect(unread()).toBe(0);
    core.close();
  });
});
