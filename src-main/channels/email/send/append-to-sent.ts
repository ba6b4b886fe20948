import type { ImapFlow } from 'imapflow';

/**
 * Puts a message we sent into the account's Sent folder (found by SPECIAL-USE), unless the server
 * already filed it there, as some do on submission (Gmail, Exchange; Dovecot does not): the search
 * by Message-ID keeps a second copy out. Returns whether it appended.
 */
export async function appendToSent(client: ImapFlow, raw: Buffer, messageId: string): Promise<boolean> {
  const sent = (await client.list()).find((folder) => folder.specialUse === '\\Sent');
  if (!sent) throw new Error('The mailbox has no Sent folder (no \\Sent special-use flag)');
  const lock = await client.getMailboxLock(sent.path, { readOnly: true });
  try {
    const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
    if (found && found.length > 0) return false;
  } finally {
    lock.release();
  }
  await client.append(sent.path, raw, ['\\Seen']);
  return true;
}
