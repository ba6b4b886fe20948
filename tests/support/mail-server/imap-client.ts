import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { MailServer } from './start-mail-server';

/** A logged-in imapflow client for one of the server's users, with logging off and auto-IDLE left to the test. */
export async function connectImap(server: MailServer, userIndex = 0, options: Partial<ImapFlowOptions> = {}): Promise<ImapFlow> {
  const user = server.users[userIndex];
  if (!user) throw new Error(`the mail server has no user #${userIndex}`);
  const client = new ImapFlow({
    host: server.imap.host,
    port: server.imap.port,
    secure: false,
    auth: { user: user.user, pass: user.password },
    logger: false,
    disableAutoIdle: true,
    ...options,
  });
  await client.connect();
  return client;
}
