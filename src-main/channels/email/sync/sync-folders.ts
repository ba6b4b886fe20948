import type { ImapFlow } from 'imapflow';

export interface SyncFolder {
  path: string;
  role: 'inbox' | 'sent';
}

/**
 * INBOX and the Sent folder, found by their SPECIAL-USE flag (RFC 6154) rather than by name, which
 * differs by provider and language ("Sent Items", "Gesendet", "[Gmail]/Sent Mail"). INBOX comes first:
 * it is where customers' mail arrives.
 */
export async function findSyncFolders(client: ImapFlow): Promise<SyncFolder[]> {
  const folders = await client.list();
  const inbox = folders.find((f) => f.specialUse === '\\Inbox') ?? { path: 'INBOX' };
  const sent = folders.find((f) => f.specialUse === '\\Sent');
  return [{ path: inbox.path, role: 'inbox' }, ...(sent ? [{ path: sent.path, role: 'sent' as const }] : [])];
}
