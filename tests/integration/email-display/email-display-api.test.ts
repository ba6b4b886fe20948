import { describe, expect, it } from 'vitest';
import type { EmailHtml, OtherMailMessage, OtherMailPage } from '../../../src-shared/api/email-display';
import type { ConversationDetail } from '../../../src-shared/api/requests';
import { syncOnce } from '../../../src-main/channels/email/sync/sync-once';
import { DEFAULT_SYNC_OPTIONS } from '../../../src-main/channels/email/sync/sync-options';
import { useMailServer } from '../../support/mail-server/use-mail-server';
import { useTempDirs } from '../../support/temp-dir';
import { appendAll, composeMessage, corpusMessages, openEmailCore } from '../email-sync/email-sync-harness';

const tempDir = useTempDirs();
const mail = useMailServer('each');

// A 1×1 PNG, small enough to read in a failure message.
const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function danaWithLogo() {
  return composeMessage({
    from: 'Dana Whitfield <dana@customer.test>',
    to: 'Alice Plumbing <alice@example.test>',
    subject: 'Photo of the leak',
    text: 'See the photo.',
    html: '<p>See the photo.</p><img src="cid:leak@customer.test"><img src="https://tracker.test/open.gif">',
    messageId: '<dana-photo@customer.test>',
    date: new Date('2026-03-02T09:00:00Z'),
    attachments: [{ filename: 'leak.png', content: pixel, contentType: 'image/png', cid: 'leak@customer.test' }],
  });
}

function danaPlainText() {
  return composeMessage({
    from: 'dana@customer.test',
    to: 'alice@example.test',
    subject: 'Thanks',
    text: 'Thanks, see you Thursday.',
    messageId: '<dana-thanks@customer.test>',
    date: new Date('2026-03-03T09:00:00Z'),
  });
}

async function syncedCore(messages: Buffer[]) {
  await appendAll(mail.client, 'INBOX', messages);
  const dataDir = tempDir();
  const opened = openEmailCore(dataDir, mail.server);
  await syncOnce(opened.account, mail.server.users[0]!.password, opened.emailStore, DEFAULT_SYNC_OPTIONS);
  const request = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await opened.core.dispatch(name, input);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const entryIds = () => {
    const conversationId = opened.sqlite.prepare('SELECT id FROM conversations').pluck().get() as string;
    return request<ConversationDetail>('conversations.get', { conversationId }).then((d) => d.entries.map((e) => e.id));
  };
  return { ...opened, dataDir, request, entryIds };
}

describe('email.html', () => {
  it("returns a customer email's stored HTML, its sender and its inline images as data URLs", async () => {
    const { core, request, entryIds } = await syncedCore([await danaWithLogo(), await danaPlainText()]);
    const [withHtml, textOnly] = await entryIds();

    const shown = await request<EmailHtml>('email.html', { entryId: withHtml });
    expect(shown.html).toContain('<img src="cid:leak@customer.test">');
    expect(shown.html).toContain('https://tracker.test/open.gif');
    expect(shown).toMatchObject({ sender: 'dana@customer.test', remoteContentAllowed: false });
    expect(shown.inlineImages).toEqual({ 'leak@customer.test': `data:image/png;base64,${pixel.toString('base64')}` });

    expect(await request<EmailHtml>('email.html', { entryId: textOnly })).toEqual({
      html: null,
      remoteContentAllowed: false,
      sender: 'dana@customer.test',
      inlineImages: {},
      autoReply: false,
      calendar: null,
      removed: null,
    });
    expect((await request<EmailHtml>('email.html', { entryId: 'email:nothing-like-it' })).html).toBeNull();
    core.close();
  });

  it('remembers "Always for this sender" in the store, whatever spelling of the address was given', async () => {
    const { core, request, entryIds, dataDir } = await syncedCore([await danaWithLogo()]);
    const [entryId] = await entryIds();

    expect(await request('email.allowRemoteContent', { address: 'Dana <DANA@Customer.test>' })).toEqual({ address: 'dana@customer.test' });
    expect((await request<EmailHtml>('email.html', { entryId })).remoteContentAllowed).toBe(true);
    await expect(request('email.allowRemoteContent', { address: 'dana at customer' })).rejects.toThrow(/invalid_input: .*not an email address/);
    core.close();

    const reopened = openEmailCore(dataDir, mail.server);
    const result = await reopened.core.dispatch('email.html', { entryId });
    expect(result.ok && (result.value as EmailHtml).remoteContentAllowed).toBe(true);
    reopened.core.close();
  });

  it('knows who sent each message after its contact is merged into another, and for mail synced before senders were kept, while the contact has one address', async () => {
    const otherAddress = await composeMessage({
      from: 'dana.w@elsewhere.test',
      to: 'alice@example.test',
      subject: 'From my other address',
      html: '<p>Hi</p>',
      messageId: '<dana-other@elsewhere.test>',
      date: new Date('2026-03-04T09:00:00Z'),
    });
    const { core, request, sqlite } = await syncedCore([await danaWithLogo(), otherAddress]);
    const contactOf = (address: string) =>
      sqlite.prepare(`SELECT contact_id FROM identities WHERE value = ?`).pluck().get(address) as string;
    const photo = sqlite.prepare(`SELECT id FROM entries WHERE subject = 'Photo of the leak'`).pluck().get() as string;
    const other = sqlite.prepare(`SELECT id FROM entries WHERE subject = 'From my other address'`).pluck().get() as string;

    await request('contacts.merge', { survivorId: contactOf('dana.w@elsewhere.test'), mergedId: contactOf('dana@customer.test') });
    const senderOf = async (entryId: string) => (await request<EmailHtml>('email.html', { entryId })).sender;
    expect(await senderOf(photo)).toBe('dana@customer.test');
    expect(await senderOf(other)).toBe('dana.w@elsewhere.test');

    // Synced by an earlier version, which kept no From address: the contact's address has to do.
    sqlite.prepare('UPDATE entries SET email = NULL').run();
    expect(await senderOf(photo)).toBe('dana@customer.test');
    // The survivor now has both addresses and was never merged: which one wrote is not known.
    expect(await senderOf(other)).toBeNull();
    core.close();
  });
});

describe('other mail', () => {
  it('lists list mail newest first in pages, searches it, and opens one message with its HTML', async () => {
    const { core, request, count } = await syncedCore(corpusMessages('apparmor-list'));
    expect(count('SELECT count(*) FROM conversations')).toBe(0);

    const seen: OtherMailPage['rows'] = [];
    let before: OtherMailPage['nextCursor'] = null;
    do {
      const page: OtherMailPage = await request<OtherMailPage>('otherMail.list', { limit: 3, before });
      seen.push(...page.rows);
      before = page.nextCursor;
    } while (before);
    expect(seen).toHaveLength(8);
    expect(new Set(seen.map((row) => row.id)).size).toBe(8);
    const dates = seen.map((row) => row.occurredAt);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(seen.every((row) => row.category === 'list' && row.subject?.includes('[apparmor]'))).toBe(true);

    const found = await request<OtherMailPage>('otherMail.list', { query: 'licensing libapparmor' });
    expect(found.rows.map((row) => row.subject)).toEqual(['[apparmor] Licensing issue in libapparmor']);
    expect(found.rows[0]!.snippet).toMatch(/\[\[(licensing|libapparmor)\]\]/i);
    expect((await request<OtherMailPage>('otherMail.list', { query: 'nosuchwordanywhere' })).rows).toEqual([]);

    const message = await request<OtherMailMessage>('otherMail.get', { id: found.rows[0]!.id });
    expect(message).toMatchObject({ fromAddress: 'sathya.panneerselvam@mercedes-benz.com', hasHtml: true, category: 'list' });
    expect(message.text).toContain('libapparmor');
    const html = await request<EmailHtml>('email.html', { entryId: message.id });
    expect(html.sender).toBe('sathya.panneerselvam@mercedes-benz.com');
    expect(html.html).toContain('cid:image001.png@01DBD6DE.EFB19CC0');
    expect(Object.keys(html.inlineImages)).toEqual(['image001.png@01DBD6DE.EFB19CC0']);
    expect(html.inlineImages['image001.png@01DBD6DE.EFB19CC0']).toMatch(/^data:image\/png;base64,iVBOR/);

    await expect(request('otherMail.get', { id: 'email:missing' })).rejects.toThrow(/not_found/);
    core.close();
  });
});
