import { useId } from 'react';

interface MergeConfirmProps {
  survivorName: string;
  mergedName: string;
  merging: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function MergeConfirm({ survivorName, mergedName, merging, error, onConfirm, onCancel }: MergeConfirmProps) {
  const questionId = useId();
  return (
    <div className="merge-confirm">
      <p id={questionId} className="merge-confirm__question">
        Merge <strong>{mergedName}</strong> into <strong>{survivorName}</strong>? All of {mergedName}'s messages, numbers
        and emails move to this thread. You can undo this.
      </p>
      {error !== null && (
        <p className="merge-picker__error" role="alert">
          {error}
        </p>
      )}
      <div className="merge-confirm__actions">
        {/* Focused so the question is read out with it; the merge can be undone, so Enter may confirm. */}
        <button
          type="button"
          autoFocus
          className="button button--primary"
          data-testid="merge-confirm"
          aria-describedby={questionId}
          disabled={merging}
          onClick={onConfirm}
        >
          {merging ? 'Merging…' : 'Merge'}
        </button>
        <button type="button" className="button" disabled={merging} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
