import type { ReactNode } from 'react';
import type { PagedSearchState } from '../stores/paged-search';
import { EmptyState } from './EmptyState';
import { SearchInput } from './SearchInput';

export interface PagedListWords {
  /** "Other mail", "WhatsApp groups": the panel's title. */
  title: string;
  /** The same within a sentence: "Search other mail", "Could not load WhatsApp groups". */
  noun: string;
  /** Says what lands here instead of in a customer's conversation. */
  explanation: string;
  empty: string;
  older: string;
  /** Prefix of the panel's test ids: `<testId>-back`, `-search`, `-list`, `-more`. */
  testId: string;
}

/**
 * The inbox panel while a list shown in place of the conversations is open: its own search and a
 * paged list, newest first. Nothing here becomes a conversation, and none of it is dropped.
 */
export function PagedListPanel<Row extends { id: string }>({ words, list, children }: { words: PagedListWords; list: PagedSearchState<Row, unknown>; children: (row: Row) => ReactNode }) {
  const { query, rows, nextCursor, status, error, hide, setQuery, loadMore } = list;
  return (
    <nav className="inbox-panel other-mail-panel" aria-label={words.title}>
      <div className="other-mail-panel__header">
        <button type="button" className="link-button" data-testid={`${words.testId}-back`} onClick={hide}>
          ← Conversations
        </button>
        <span className="other-mail-panel__title">{words.title}</span>
      </div>
      <SearchInput value={query} onChange={setQuery} placeholder={`Search ${words.noun}`} label={`Search ${words.noun}`} testId={`${words.testId}-search`} />
      {status === 'error' && (
        <div className="list-status list-status--error" role="alert">
          Could not load {words.noun}: {error}
        </div>
      )}
      {status === 'ready' && rows.length === 0 ? (
        <EmptyState title={query.trim() ? 'Nothing matches' : words.empty}>{words.explanation}</EmptyState>
      ) : (
        <ul className="other-mail-list" data-testid={`${words.testId}-list`}>
          {rows.map(children)}
          {nextCursor !== null && (
            <li>
              <button type="button" className="other-mail-list__more link-button" data-testid={`${words.testId}-more`} onClick={() => void loadMore()}>
                {status === 'loading' ? 'Loading…' : words.older}
              </button>
            </li>
          )}
        </ul>
      )}
    </nav>
  );
}
