import { INBOX_FILTERS, type InboxFilter } from '../../src-shared/domain/conversation';
import { useInboxStore } from '../stores/inbox-store';

const FILTER_LABELS: Record<InboxFilter, string> = {
  all: 'All',
  mine: 'Mine',
  unassigned: 'Unassigned',
  unread: 'Unread',
  needs_response: 'Needs response',
};

export function FilterTabs() {
  const filter = useInboxStore((state) => state.filter);
  const counts = useInboxStore((state) => state.counts);
  const setFilter = useInboxStore((state) => state.setFilter);
  return (
    <div className="filter-tabs" role="tablist" aria-label="Inbox filter">
      {INBOX_FILTERS.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={name === filter}
          className="filter-tab"
          data-testid={`filter-${name}`}
          onClick={() => setFilter(name)}
        >
          <span className="filter-tab__label">{FILTER_LABELS[name]}</span>
          <span className="filter-tab__count">{counts ? counts[name].toLocaleString() : '–'}</span>
        </button>
      ))}
    </div>
  );
}
