import type { EmailHtml } from '../../src-shared/api/email-display';
import { fullDateTime } from '../format/clock-time';

/**
 * What a person should know about a message before reading it: that a machine wrote it, or that it is
 * no longer in the mailbox (it stays here: what the customer sent is never lost).
 */
export function EmailFlags({ email }: { email: Pick<EmailHtml, 'autoReply' | 'removed'> }) {
  if (!email.autoReply && !email.removed) return null;
  return (
    <div className="email-flags">
      {email.autoReply && (
        <span className="pill email-flags__auto-reply" data-testid="auto-reply-flag" title="Sent automatically by the sender's mail program">
          Auto-reply
        </span>
      )}
      {email.removed && (
        <span className="email-flags__removed" data-testid="removed-from-mailbox" title={fullDateTime(email.removed.at)}>
          No longer in {email.removed.folder} on the mail server (deleted or moved in a mail program); kept here.
        </span>
      )}
    </div>
  );
}
