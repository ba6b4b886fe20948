import { useState, type ReactNode } from 'react';
import { EMAIL_BODY_MAX_LENGTH } from '../../../src-shared/api/requests';
import type { Contact } from '../../../src-shared/domain/contact';
import type { TimelineEntry } from '../../../src-shared/domain/timeline';
import { AttachmentPicker } from './AttachmentPicker';
import { useEmailDraftsStore, type EmailDraft } from './email-drafts-store';
import { replySubject } from './reply-subject';
import { sendEmail } from './send-email';
import { useComposerSubmit } from '../use-composer-submit';
import { ComposerFooter } from '../ComposerFooter';
import { ComposerInput } from '../ComposerInput';

interface EmailComposerProps {
  conversationId: string;
  contact: Contact;
  entries: TimelineEntry[];
  tabs: ReactNode;
  hint: string;
}

/** Email mode: the email goes into the outbox, and its entry shows how sending goes from there. */
export function EmailComposer({ conversationId, contact, entries, tabs, hint }: EmailComposerProps) {
  const draft = useEmailDraftsStore((state) => state.drafts[conversationId]);
  const subject = draft?.subject ?? replySubject(entries);
  const body = draft?.body ?? '';
  const attachments = draft?.attachments ?? [];
  const [uploading, setUploading] = useState(false);
  const recipient = contact.identities.find((identity) => identity.kind === 'email' && identity.valid)?.value;
  const tooLong = body.length > EMAIL_BODY_MAX_LENGTH;
  const { submitting, error, canSubmit, onSubmit, onKeyDown } = useComposerSubmit(
    body.trim() !== '' && !tooLong && !uploading,
    () => sendEmail({ conversationId, clientId: useEmailDraftsStore.getState().clientIdFor(conversationId), subject, body, attachments }),
    () => useEmailDraftsStore.getState().clear(conversationId),
  );
  const edit = (change: Partial<Omit<EmailDraft, 'clientId'>>) => useEmailDraftsStore.getState().edit(conversationId, change);

  return (
    <form className="composer composer--email" onSubmit={onSubmit}>
      {tabs}
      <div className="composer__envelope">
        <span className="composer__to">To: {recipient ?? 'no email address'}</span>
        <input
          data-testid="composer-subject"
          className="composer__subject"
          placeholder="Subject"
          aria-label="Subject"
          value={subject}
          readOnly={submitting}
          onChange={(event) => edit({ subject: event.target.value })}
        />
      </div>
      <ComposerInput
        label="Email"
        placeholder={`Write to ${contact.displayName}`}
        rows={5}
        email
        value={body}
        submitting={submitting}
        onChange={(text) => edit({ body: text })}
        onKeyDown={onKeyDown}
      />
      <AttachmentPicker
        attachments={attachments}
        onChange={(next) => edit({ attachments: next })}
        onUploading={setUploading}
        disabled={submitting}
      />
      <ComposerFooter
        error={error}
        keptMessage="Your email is kept; try again."
        tooLongMessage={tooLong ? `An email is at most ${EMAIL_BODY_MAX_LENGTH.toLocaleString()} characters (${body.length.toLocaleString()} now).` : null}
        hint={hint}
        canSubmit={canSubmit}
        submitting={submitting}
        label="Send email"
        busyLabel="Sending…"
      />
    </form>
  );
}
