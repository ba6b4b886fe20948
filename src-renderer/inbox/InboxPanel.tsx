import { useSearchStore } from '../stores/search-store';
import { ConversationList } from './ConversationList';
import { FilterTabs } from './FilterTabs';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';

export function InboxPanel() {
  const searching = useSearchStore((state) => state.status !== 'idle');
  return (
    <nav className="inbox-panel" aria-label="Conversations">
      <SearchBox />
      {searching ? (
        <SearchResults />
      ) : (
        <>
          <FilterTabs />
          <ConversationList />
        </>
      )}
    </nav>
  );
}
