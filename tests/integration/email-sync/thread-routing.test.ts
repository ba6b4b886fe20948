import { describe, expect, it } from 'vitest';
import { syncOnce } from '../../../src-main/channels/email/sync/sync-once';
import { stableIds } from '../../../src-main/core/ingest/stable-ids';
import { useMailServer } from '../../support/mail-server/use-mail-server';
import { useTempDirs } from '../../support/temp-dir';
import { appendAll, composeMessage, openEmailCore } from './email-sync-harness';

const tempDir = useTempDirs();
const mail = useMailServer('each');

const at = (hour: number) => new Date(`2026-03-02T${String(hour).padStart(2, '0')}:00:00Z`);

function message(options: { from: string; subject: string; text: string; id: string; hour: number; inReplyTo?: string; references?: string[]; headers?: Record<string, string> }) {
  return composeMessage({
    from: options.from,
    to: 'Alice Plumbing <alice@example.test>',
    subject: options.subject,
    text: options.text,
    messageId: options.id,
    date: at(options.hour),
    ...(options.inReplyTo ? { inReplyTo: options.inReplyTo } : {}),
    ...(options.references ? { references: options.references } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  });
}

async function syncWith(folder: 'INBOX' | 'Sent', messages: Buffer[], opened: ReturnType<typeof openEmailCore>) {
  await appendAll(mail.client, folder, messages);
  await syncOnce(opened.account, mail.server.users[0]!.password, opened.emailStore);
}

describe('filing mail by the thread it answers', () => {
  it('files a reply from an unknown address with the customer whose thread it answers, and adds the address to that customer', async () => {
    const opened = openEmailCore(tempDir(), mail.server);
    const { sqlite } = opened;
    await syncWith('INBOX', [await message({ from: 'Dana Whitfield <dana@customer.test>', subject: 'Leak', text: 'The heater leaks.', id: '<dana-1@customer.test>', hour: 8 })], opened);
    await syncWith('Sent', [await composeMessage({
      from: 'Alice Plumbing <alice@example.test>', to: 'dana@customer.test', subject: 'Re: Leak', text: 'Thursday at 8?',
      messageId: '<alice-1@example.test>', inReplyTo: '<dana-1@customer.test>', references: ['<dana-1@customer.test>'], date: at(9),
    })], opened);
    const contacts = () => sqlite.prepare('SELECT count(*) FROM contacts').pluck().get();
    expect(contacts()).toBe(1);

    // Dana's husband answers our reply from his own address; a stranger writes with no thread at all.
    await syncWith('INBOX', [
      await message({
        from: 'Sam Whitfield <sam@work.test>', subject: 'Re: Leak', text: 'Thursday works, I will be home.', id: '<sam-1@work.test>', hour: 10,
        inReplyTo: '<alice-1@example.test>', references: ['<dana-1@customer.test>', '<alice-1@example.test>'],
      }),
      await message({ from: 'Eve Stranger <eve@elsewhere.test>', subject: 'Quote', text: 'How much for a boiler?', id: '<eve-1@elsewhere.test>', hour: 11 }),
    ], opened);

    const dana = sqlite.prepare(`SELECT contact_id FROM identities WHERE value = 'dana@customer.test'`).pluck().get();
    expect(sqlite.prepare(`SELECT value FROM identities WHERE contact_id = ? ORDER BY value`).pluck().all(dana)).toEqual(['dana@customer.test', 'sam@work.test']);
    const conversation = sqlite.prepare('SELECT id FROM conversations WHERE contact_id = ?').pluck().get(dana);
    const timeline = sqlite.prepare(`SELECT kind, direction, body FROM entries WHERE conversation_id = ? ORDER BY occurred_at, seq`).all(conversation);
    expect(timeline).toEqual([
      { kind: 'message', direction: 'inbound', body: expect.stringContaining('The heater leaks.') },
      { kind: 'message', direction: 'outbound', body: expect.stringContaining('Thursday at 8?') },
      { kind: 'message', direction: 'inbound', body: expect.stringContaining('Thursday works') },
      { kind: 'system', direction: null, body: "sam@work.test answered this conversation from an address not on file, so it was added to Dana Whitfield's addresses." },
    ]);
    expect(contacts()).toBe(2);
    expect(sqlite.prepare(`SELECT contact_id FROM identities WHERE value = 'eve@elsewhere.test'`).pluck().get()).not.toBe(dana);

    // A resync changes nothing: no second line, no new contact.
    sqlite.prepare('DELETE FROM email_folders').run();
    await syncOnce(opened.account, mail.server.users[0]!.password, opened.emailStore);
    expect(sqlite.prepare(`SELECT count(*) FROM entries WHERE conversation_id = ?`).pluck().get(conversation)).toBe(4);
    expect(contacts()).toBe(2);
    opened.core.close();
  });

  it("puts a customer's auto-reply in their thread, flagged, and a stranger's in Other mail", async () => {
    const opened = openEmailCore(tempDir(), mail.server);
    const { sqlite } = opened;
    await syncWith('INBOX', [await message({ from: 'Dana Whitfield <dana@customer.test>', subject: 'Leak', text: 'The heater leaks.', id: '<dana-1@customer.test>', hour: 8 })], opened);
    const autoReplied = { 'Auto-Submitted': 'auto-replied' };
    await syncWith('INBOX', [
      await message({ from: 'dana@customer.test', subject: 'Away until Monday', text: 'I am away until Monday.', id: '<dana-away@customer.test>', hour: 9, headers: autoReplied }),
      await message({ from: 'frank@elsewhere.test', subject: 'Out of office', text: 'Frank is away.', id: '<frank-away@elsewhere.test>', hour: 10, headers: autoReplied }),
    ], opened);

    const danaAway = stableIds.email('<dana-away@customer.test>');
    expect(sqlite.prepare(`SELECT e.direction, e.auto_reply AS entry, m.auto_reply AS message FROM entries e JOIN email_messages m ON m.id = e.id WHERE e.id = ?`).get(danaAway)).toEqual({
      direction: 'inbound',
      entry: 1,
      message: 1,
    });
    expect(sqlite.prepare(`SELECT auto_reply FROM other_mail WHERE id = ?`).pluck().get(stableIds.email('<frank-away@elsewhere.test>'))).toBe(1);
    expect(sqlite.prepare(`SELECT count(*) FROM contacts`).pluck().get()).toBe(1);
    opened.core.close();
  });

  it('joins a reply to its thread when both arrive in the same first sync, and names the contact after the customer', async () => {
    const opened = openEmailCore(tempDir(), mail.server);
    const { sqlite } = opened;
    await syncWith('INBOX', [
      await message({ from: 'Dana Whitfield <dana@customer.test>', subject: 'Leak', text: 'The heater leaks.', id: '<dana-1@customer.test>', hour: 8 }),
      await message({
        from: 'Sam Whitfield <sam@work.test>', subject: 'Re: Leak', text: 'Also the tap.', id: '<sam-1@work.test>', hour: 9,
        inReplyTo: '<dana-1@customer.test>', references: ['<dana-1@customer.test>'],
      }),
      await message({ from: 'dana@customer.test', subject: 'Away', text: 'Away until Monday.', id: '<dana-away@customer.test>', hour: 10, headers: { 'Auto-Submitted': 'auto-replied' } }),
      // Sam again, in a new thread of his own: by then his address belongs to Dana's contact.
      await message({ from: 'Sam Whitfield <sam@work.test>', subject: 'Gutter', text: 'And the gutter.', id: '<sam-2@work.test>', hour: 11 }),
    ], opened);
    expect(sqlite.prepare(`SELECT display_name FROM contacts`).pluck().all()).toEqual(['Dana Whitfield']);
    expect(sqlite.prepare(`SELECT count(*) FROM entries WHERE kind = 'message'`).pluck().get()).toBe(4);
    expect(sqlite.prepare(`SELECT count(*) FROM entries WHERE kind = 'system'`).pluck().get()).toBe(1);
    expect(sqlite.prepare(`SELECT count(*) FROM other_mail`).pluck().get()).toBe(0);
    opened.core.close();
  });
});
