import { useEffect, useState } from 'react';
import { CalendarInvite } from './CalendarInvite';
import { EmailFlags } from './EmailFlags';
import { EmailFrame } from './EmailFrame';
import { useEmailHtmlStore } from './email-html-store';

interface EmailContentProps {
  entryId: string;
  text: string;
  variant: 'bubble' | 'reader';
}

/**
 * An email's original formatting when it has HTML, its text otherwise; the text shows while the HTML
 * loads, and stays one click away. Above it: its flags and, for an invitation, the event's card.
 */
export function EmailContent({ entryId, text, variant }: EmailContentProps) {
  const state = useEmailHtmlStore((store) => store.byId[entryId]);
  const load = useEmailHtmlStore((store) => store.load);
  const [original, setOriginal] = useState(true);
  useEffect(() => {
    void load(entryId);
  }, [entryId, load]);

  const email = state?.email;
  const textBody = <div className={`email-text email-text--${variant}`}>{text}</div>;
  if (!email) return textBody;
  const around = (
    <>
      <EmailFlags email={email} />
      {email.calendar && <CalendarInvite card={email.calendar} />}
    </>
  );
  if (email.html === null) {
    return (
      <>
        {around}
        {textBody}
      </>
    );
  }
  return (
    <>
      {around}
      <label className="email-format-toggle">
        <input type="checkbox" data-testid="show-original" checked={original} onChange={(event) => setOriginal(event.target.checked)} />
        Show original formatting
      </label>
      {original ? (
        <EmailFrame entryId={entryId} email={{ ...email, html: email.html }} imagesLoaded={state.imagesLoaded} variant={variant} />
      ) : (
        textBody
      )}
    </>
  );
}
