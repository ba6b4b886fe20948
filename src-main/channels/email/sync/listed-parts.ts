import type { EmailAttachment } from '../parse/parsed-email';

/** The name a lone invitation part is listed under, as Google Calendar and nodemailer name theirs. */
export const INVITATION_FILENAME = 'invite.ics';

/**
 * The parts of a message its entry lists as files. An invitation (Google Calendar, Outlook, nodemailer)
 * comes as a nameless text/calendar alternative of the body, which the invitation card shows, and
 * often with the same event again as a named .ics file. Beside such a file the nameless part would be
 * listed a second time, as "attachment", so it is left out; alone, it is listed as invite.ics, so the
 * invitation can still be opened in a calendar program.
 */
export function listedParts(parts: readonly EmailAttachment[]): EmailAttachment[] {
  const hasCalendarFile = parts.some((part) => part.filename !== null && isCalendar(part));
  return parts.flatMap((part) => {
    if (part.filename !== null || part.contentType !== 'text/calendar') return [part];
    return hasCalendarFile ? [] : [{ ...part, filename: INVITATION_FILENAME }];
  });
}

function isCalendar(part: EmailAttachment): boolean {
  return part.contentType === 'text/calendar' || part.contentType === 'application/ics' || /\.ics$/i.test(part.filename ?? '');
}
