import { useState, type KeyboardEvent } from 'react';
import type { Contact } from '../../src-shared/domain/contact';
import type { ConversationSummary } from '../../src-shared/domain/conversation';
import { errorMessage } from '../format/error-message';
import { useMergeStore } from '../stores/merge-store';
import { MergeCandidates } from './MergeCandidates';
import { MergeConfirm } from './MergeConfirm';
import { useContactSearch } from './use-contact-search';

export function MergePicker({ id, contact, onClose }: { id: string; contact: Contact; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<ConversationSummary | null>(null);
  const [merging, setMerging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const search = useContactSearch(query, contact.id);

  async function merge(other: ConversationSummary) {
    setMerging(true);
    setError(null);
    try {
      await useMergeStore
        .getState()
        .merge({ id: contact.id, name: contact.displayName }, { id: other.contactId, name: other.contactName });
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
      setMerging(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Closing mid-request would hide the error the request may still bring back.
    if (event.key !== 'Escape' || merging) return;
    event.preventDefault();
    onClose();
  }

  return (
    <div
      id={id}
      className="merge-picker"
      data-testid="merge-picker"
      role="group"
      aria-label={`Merge another contact into ${contact.displayName}`}
      onKeyDown={onKeyDown}
    >
      <input
        type="search"
        autoFocus
        data-testid="merge-search"
        className="merge-picker__input"
        placeholder="Find a contact"
        aria-label="Find the contact to merge"
        value={query}
        readOnly={merging}
        onChange={(event) => {
          setQuery(event.target.value);
          setChosen(null);
          setError(null);
        }}
      />
      {chosen === null ? (
        <MergeCandidates search={search} onChoose={setChosen} />
      ) : (
        <MergeConfirm
          survivorName={contact.displayName}
          mergedName={chosen.contactName}
          merging={merging}
          error={error}
          onConfirm={() => void merge(chosen)}
          onCancel={onClose}
        />
      )}
    </div>
  );
}
