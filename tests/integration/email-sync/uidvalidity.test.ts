import { describe, expect, it } from 'vitest';
import { syncOnce } from '../../../src-main/channels/email/sync/sync-once';
import { folderCheckpoint } from '../../../src-main/core/email/email-folder-repo';
import { useMailServer } from '../../support/mail-server/use-mail-server';
import { useTempDirs } from '../../support/temp-dir';
import { appendAll, composeMessage, corpusMessages, openEmailCore } from './email-sync-harness';

const tempDir = useTempDirs();
const mail = useMailServer('all');

async function sentMail(): Promise<Buffer[]> {
  const replies = await Promise.all(
    ['dana', 'erik', 'farah'].map((name, i) =>
      composeMessage({
        from: 'Alice Plumbing <alice@example.test>',
        to: `${name}@customer.test`,
        subject: `Your estimate, ${name}`,
        text: 'Attached is the estimate.',
        messageId: `<estimate-${name}@example.test>`,
        date: new Date(Date.UTC(2026, 2, 1 + i)),
      }),
    ),
  );
  return [...replies, ...corpusMessages('apparmor-list')];
}

describe('a folder whose UIDVALIDITY changes', () => {
  it('is synced again from scratch without a duplicate', async () => {
    await appendAll(mail.client, 'Sent', await sentMail());
    const { core, emailStore, account, counts } = openEmailCore(tempDir(), mail.server);
    const password = mail.server.users[0]!.password;
    await syncOnce(account, password, emailStore);
    const before = counts();
    expect(before).toEqual({ entries: 3, other: 8 });
    const oldValidity = folderCheckpoint(core.store.db, account.id, 'Sent')!.uidValidity;

    // Deleting and recreating the folder is what a mail.server restored from backup or a migrated
    // mailbox looks like: the same messages under new UIDs.
    await mail.client.mailboxDelete('Sent');
    await mail.client.mailboxCreate('Sent');
    await appendAll(mail.client, 'Sent', (await sentMail()).reverse());

    const resync = await syncOnce(account, password, emailStore);
    expect(resync.messages).toBe(11);
    expect(counts()).toEqual(before);
    const checkpoint = folderCheckpoint(core.store.db, account.id, 'Sent')!;
    expect(checkpoint.uidValidity).not.toBe(oldValidity);
    expect(checkpoint).toMatchObject({ lastUid: 11, backfillPhase: 'done' });
    core.close();
  });
});
