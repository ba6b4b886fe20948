import { useState } from 'react';
import type { EntryRevision } from '../../src-shared/domain/entry-revision';
import { fullDateTime } from '../format/clock-time';
import { errorMessage } from '../format/error-message';

/** "Edited" with the earlier versions one click away, oldest first, each with when it was replaced. */
export function RevisionHistory({ entryId, editedAt }: { entryId: string; editedAt: number }) {
  const [revisions, setRevisions] = useState<EntryRevision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    if (revisions) return setRevisions(null);
    try {
      setRevisions(await window.switchboard.request('entries.revisions', { entryId }));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <div className="revision-history">
      <button type="button" className="revision-history__toggle" data-testid="revision-toggle" title={`Edited ${fullDateTime(editedAt)}`} onClick={() => void toggle()}>
        Edited · {revisions ? 'hide history' : 'history'}
      </button>
      {error && <span role="alert">{error}</span>}
      {revisions && (
        <ol className="revision-history__list" data-testid="revision-list">
          {revisions.map((revision, index) => (
            <li key={index} className="revision-history__item">
              <span className="revision-history__when">Until {fullDateTime(revision.replacedAt)}</span>
              <span className="revision-history__body">{revision.body}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
