import { useNow } from '../app/use-now';
import { EmptyState } from '../ui/EmptyState';
import { useOtherMailStore } from './other-mail-store';
import { OtherMailRow } from './OtherMailRow';
import { SearchInput } from '../ui/SearchInput';

/**
 * The inbox panel while "Other mail" is open: its own search and a paged list, newest first. The mail
 * here never becomes a conversation, and none of it is dropped.
 */
export function OtherMailPanel() {
  const now = useNow(60_000);
  const { query, rows, nextCursor, status, error, selectedId, hide, setQuery, loadMore, select } = useOtherMailStore();
  return (
    <nav className="inbox-panel other-mail-panel" aria-label="Other mail">
      <div className="other-mail-panel__header">
        <button type="button" className="link-button" data-testid="other-mail-back" onClick={hide}>
          ← Conversations
        </button>
        <span className="other-mail-panel__title">Other mail</span>
      </div>
      <SearchInput value={query} onChange={setQuery} placeholder="Search other mail" label="Search other mail" testId="other-mail-search" />
      {status === 'error' && (
        <div className="list-status list-status--error" role="alert">
          Could not load other mail: {error}
        </div>
      )}
      {status === 'ready' && rows.length === 0 ? (
        <EmptyState title={query.trim() ? 'Nothing matches' : 'No other mail'}>
          Mailing lists, newsletters and automated notices land here instead of in a customer's conversation.
        </EmptyState>
      ) : (
        <ul className="other-mail-list" data-testid="other-mail-list">
          {rows.map((row) => (
            <OtherMailRow key={row.id} row={row} selected={row.id === selectedId} now={now} onSelect={(id) => void select(id)} />
          ))}
          {nextCursor && (
            <li>
              <button type="button" className="other-mail-list__more link-button" data-testid="other-mail-more" onClick={() => void loadMore()}>
                {status === 'loading' ? 'Loading…' : 'Show older mail'}
              </button>
            </li>
          )}
        </ul>
      )}
    </nav>
  );
}
