import { useSearchStore } from '../stores/search-store';
import { SearchInput } from '../ui/SearchInput';

export function SearchBox() {
  const query = useSearchStore((state) => state.query);
  const setQuery = useSearchStore((state) => state.setQuery);
  return (
    <SearchInput
      value={query}
      onChange={setQuery}
      placeholder="Search customers, numbers, messages"
      label="Search conversations"
      testId="search"
    />
  );
}
