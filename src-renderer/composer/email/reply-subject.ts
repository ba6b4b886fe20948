import type { TimelineEntry } from '../../../src-shared/domain/timeline';

/** "Re: " and the thread's latest email subject, the way mail clients prefill a reply; never "Re: Re:". */
export function replySubject(entries: readonly TimelineEntry[]): string {
  const latest = entries.findLast((entry) => entry.channel === 'email' && entry.subject);
  const subject = latest?.subject?.trim() ?? '';
  if (subject === '' || /^re:/i.test(subject)) return subject;
  return `Re: ${subject}`;
}
