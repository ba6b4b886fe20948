import type { CalendarCard } from '../../src-shared/domain/calendar-card';
import { calendarWhen } from './calendar-when';

const METHOD_LABELS: Record<string, string> = {
  REQUEST: 'Invitation',
  CANCEL: 'Cancelled event',
  REPLY: 'Reply to an invitation',
  PUBLISH: 'Calendar event',
  COUNTER: 'Proposed new time',
};

/** A calendar invitation as a card: what, when, where and who asks, readable without a calendar app. */
export function CalendarInvite({ card }: { card: CalendarCard }) {
  const when = calendarWhen(card);
  const organizer = card.organizer && (card.organizer.name ? `${card.organizer.name} <${card.organizer.address}>` : card.organizer.address);
  const cancelled = card.method === 'CANCEL';
  return (
    <section className={`calendar-card${cancelled ? ' calendar-card--cancelled' : ''}`} data-testid="calendar-card" aria-label="Calendar invitation">
      <header className="calendar-card__kind">{METHOD_LABELS[card.method ?? ''] ?? 'Calendar event'}</header>
      <h3 className="calendar-card__title">{card.summary ?? 'Untitled event'}</h3>
      <dl className="calendar-card__facts">
        {when && (
          <>
            <dt>When</dt>
            <dd data-testid="calendar-when">{when}</dd>
          </>
        )}
        {card.location && (
          <>
            <dt>Where</dt>
            <dd data-testid="calendar-where">{card.location}</dd>
          </>
        )}
        {organizer && (
          <>
            <dt>Organizer</dt>
            <dd data-testid="calendar-organizer">{organizer}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
