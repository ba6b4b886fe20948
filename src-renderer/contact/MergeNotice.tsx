import { useMergeStore } from '../stores/merge-store';

/** Always rendered, empty or not: a live region has to exist before its text changes to be announced. */
export function MergeNotice() {
  const notice = useMergeStore((state) => state.notice);
  const undoing = useMergeStore((state) => state.undoing);
  const undoError = useMergeStore((state) => state.undoError);

  return (
    <div role="status">
      {notice !== null && (
        <div className="merge-notice" data-testid="merge-notice">
          {notice.kind === 'undone' ? (
            <p className="merge-notice__text">Merge undone.</p>
          ) : (
            <>
              <p className="merge-notice__text">
                Merged {notice.mergedName} into {notice.survivorName}.
              </p>
              <div className="merge-notice__actions">
                <button
                  type="button"
                  className="link-button"
                  data-testid="merge-undo"
                  disabled={undoing}
                  onClick={() => void useMergeStore.getState().undo()}
                >
                  {undoing ? 'Undoing…' : 'Undo'}
                </button>
                <button
                  type="button"
                  className="link-button"
                  disabled={undoing}
                  onClick={() => useMergeStore.getState().dismiss()}
                >
                  Dismiss
                </button>
              </div>
              {undoError !== null && (
                <p className="merge-notice__error" role="alert">
                  {undoError}
                </p>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
