import type { HeaderLines } from 'mailparser';
import { firstHeader, headerValues } from './header-lines';
import { isMachineSender } from './machine-senders';
import type { EmailClass } from './parsed-email';

export interface ClassifyInput {
  lines: HeaderLines;
  fromHeader: string | null;
  contentType: string;
  isBounce: boolean;
  isAutoReply: boolean;
  hasCalendar: boolean;
}

/**
 * Which view a message belongs in (DESIGN.md, "Not every message is a customer"). A bounce is judged
 * first, so it is never mistaken for list mail and can mark the outbound message failed. A calendar
 * invitation is exempt from Auto-Submitted: Google Calendar sets `auto-generated` on the invitations a
 * customer sends, and those are customer mail.
 */
export function classifyEmail(input: ClassifyInput): EmailClass {
  const { lines } = input;
  if (input.isBounce) return 'automated';
  const precedence = headerValues(lines, 'precedence').map((p) => p.toLowerCase());
  if (headerValues(lines, 'list-id').length > 0 || headerValues(lines, 'list-post').length > 0 || precedence.includes('list')) {
    return 'list';
  }
  if (precedence.includes('bulk') || precedence.includes('junk') || headerValues(lines, 'list-unsubscribe').length > 0) return 'bulk';
  const autoSubmitted = (firstHeader(lines, 'auto-submitted') ?? 'no').toLowerCase();
  if (
    input.isAutoReply ||
    (!autoSubmitted.startsWith('no') && !input.hasCalendar) ||
    isMachineSender(input.fromHeader) ||
    input.contentType === 'multipart/report'
  ) {
    return 'automated';
  }
  return 'customer';
}
