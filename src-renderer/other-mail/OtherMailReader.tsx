import { EmailContent } from '../email/EmailContent';
import { fullDateTime } from '../format/clock-time';
import { Attachments } from '../thread/Attachments';
import { EmptyState } from '../ui/EmptyState';
import { useOtherMailStore } from './other-mail-store';
import { CATEGORY_LABELS } from './OtherMailRow';

/** Reads the selected message of "Other mail" in the space the thread and contact panels use. */
export function OtherMailReader() {
  const selectedId = useOtherMailStore((state) => state.selectedId);
  const message = useOtherMailStore((state) => state.message);
  const messageError = useOtherMailStore((state) => state.messageError);

  if (selectedId === null) {
    return (
      <section className="other-mail-reader">
        <EmptyState title="No message selected">Pick a message on the left to read it.</EmptyState>
      </section>
    );
  }
  if (messageError) {
    return (
      <section className="other-mail-reader">
        <div className="list-status list-status--error" role="alert">
          Could not open this message: {messageError}
        </div>
      </section>
    );
  }
  if (message?.id !== selectedId) {
    return (
      <section className="other-mail-reader">
        <div className="list-status">Loading message…</div>
      </section>
    );
  }
  const from = message.fromName && message.fromAddress ? `${message.fromName} <${message.fromAddress}>` : (message.fromAddress ?? 'Unknown sender');
  return (
    <section className="other-mail-reader" data-testid="other-mail-reader" data-id={message.id}>
      <header className="other-mail-reader__header">
        <h2 className="other-mail-reader__subject">{message.subject ?? '(no subject)'}</h2>
        <dl className="other-mail-reader__meta">
          <dt>From</dt>
          <dd>{from}</dd>
          {message.to.length > 0 && (
            <>
              <dt>To</dt>
              <dd>{message.to.join(', ')}</dd>
            </>
          )}
          <dt>Date</dt>
          <dd>{fullDateTime(message.occurredAt)}</dd>
          <dt>Kind</dt>
          <dd>{CATEGORY_LABELS[message.category]}</dd>
        </dl>
      </header>
      <div className="other-mail-reader__body">
        <EmailContent key={message.id} entryId={message.id} text={message.text} variant="reader" />
        <Attachments entryId={message.id} attachments={message.attachments} />
      </div>
    </section>
  );
}
