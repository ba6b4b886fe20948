import type { ConversationSummary } from '../../src-shared/domain/conversation';
import type { ContactSearch } from './use-contact-search';

export function MergeCandidates({
  search,
  onChoose,
}: {
  search: ContactSearch;
  onChoose: (candidate: ConversationSummary) => void;
}) {
  if (search.status === 'idle') return <p className="merge-picker__status">Type a name, number or email.</p>;
  if (search.status === 'error') {
    return (
      <p className="merge-picker__error" role="alert">
        Search failed: {search.error}
      </p>
    );
  }
  if (search.candidates.length === 0) {
    return (
      <p className="merge-picker__status">{search.status === 'searching' ? 'Searching…' : 'No other contact matches.'}</p>
    );
  }
  return (
    <ul className="merge-candidates" aria-label="Matching contacts" aria-busy={search.status === 'searching'}>
      {search.candidates.map((candidate) => (
        <li key={candidate.contactId}>
          <button
            type="button"
            className="merge-candidate"
            data-testid="merge-candidate"
            onClick={() => onChoose(candidate)}
          >
            <span className="merge-candidate__name">{candidate.contactName}</span>
            <span className="merge-candidate__preview">{candidate.preview}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
