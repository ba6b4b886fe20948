import { useSearchStore } from '../stores/search-store';

export function SearchBox() {
  const query = useSearchStore((state) => state.query);
  const setQuery = useSearchStore((state) => state.setQuery);
  return (
    <div className="search-box">
      <input
        type="search"
        data-testid="search"
        className="search-box__input"
        placeholder="Search customers, numbers, messages"
        aria-label="Search conversations"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setQuery('');
        }}
      />
    </div>
  );
}
