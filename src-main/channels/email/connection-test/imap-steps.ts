import type { ImapFlow } from 'imapflow';
import { createImapClient } from '../sync/imap-connection';
import type { Step } from './run-steps';
import { serverSaid, StepFailure } from './step-failure';
import type { ConnectionSettings } from './test-connection';

/**
 * Logs in the way the sync will, then opens INBOX read-only. The two share one client; `close` ends
 * it whichever step stopped the run.
 */
export function imapLoginSteps(settings: ConnectionSettings): { steps: Step[]; close(): Promise<void> } {
  let client: ImapFlow | null = null;
  return {
    steps: [
      {
        step: 'auth',
        async run() {
          client = createImapClient({ ...settings.imap, username: settings.user }, settings.password);
          // Without a listener an 'error' event would end the process; the rejected connect reports it.
          client.on('error', () => {});
          try {
            await client.connect();
          } catch (error) {
            if ((error as { authenticationFailed?: boolean }).authenticationFailed) {
              throw new StepFailure(`The server refused the user name or password${serverSaid(responseText(error))}.`);
            }
            throw error;
          }
          return `Signed in as ${settings.user}`;
        },
      },
      {
        step: 'inbox',
        async run() {
          try {
            const inbox = await client!.mailboxOpen('INBOX', { readOnly: true });
            return `INBOX opened: ${inbox.exists} message${inbox.exists === 1 ? '' : 's'}`;
          } catch (error) {
            throw new StepFailure(`Signed in, but the account has no INBOX that can be opened${serverSaid(responseText(error))}.`);
          }
        },
      },
    ],
    async close() {
      await client?.logout().catch(() => client?.close());
    },
  };
}

function responseText(error: unknown): unknown {
  return (error as { responseText?: unknown }).responseText;
}
