import { relativeTime } from '../../src-shared/time/day-groups';
import { useNow } from '../app/use-now';
import { useSearchStore } from '../stores/search-store';
import { useThreadStore } from '../stores/thread-store';
import { ChannelIcon } from '../ui/ChannelIcon';
import { EmptyState } from '../ui/EmptyState';
import { Snippet } from './Snippet';

export function SearchResults() {
  const { hits, status, error, query } = useSearchStore();
  const openId = useThreadStore((state) => state.openId);
  const now = useNow();

  if (status === 'error') {
    return (
      <div className="list-status list-status--error" role="alert">
        Search failed: {error}
      </div>
    );
  }
  if (hits === null) return <div className="list-status">Searching…</div>;
  if (hits.length === 0) {
    return status === 'searching' ? (
      <div className="list-status">Searching…</div>
    ) : (
      <EmptyState title="No results">Nothing matches “{query.trim()}”.</EmptyState>
    );
  }

  return (
    <div className="search-results" role="listbox" aria-label="Search results" aria-busy={status === 'searching'}>
      <div className="search-results__summary">
        {hits.length === 1 ? '1 result' : `${hits.length} results`}
      </div>
      {hits.map((hit) => {
        const { conversation } = hit;
        return (
          <div
            key={`${conversation.id}:${hit.entryId ?? 'contact'}`}
            role="option"
            aria-selected={conversation.id === openId}
            data-testid="search-hit"
            data-conversation-id={conversation.id}
            className={`search-hit${conversation.id === openId ? ' is-selected' : ''}`}
            onClick={() => void useThreadStore.getState().open(conversation.id)}
          >
            <div className="search-hit__line">
              {conversation.lastChannel && <ChannelIcon channel={conversation.lastChannel} />}
              <span className="search-hit__name">{conversation.contactName}</span>
              <span className="search-hit__time">{relativeTime(conversation.lastAt, now)}</span>
            </div>
            <div className="search-hit__snippet">
              {hit.snippet === null ? <span className="search-hit__matched-contact">Contact match</span> : <Snippet text={hit.snippet} />}
            </div>
          </div>
        );
      })}
    </div>
  );
}
