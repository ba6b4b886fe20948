import { useState, type FormEvent } from 'react';
import type { TimelineEntry } from '../../src-shared/domain/timeline';
import { errorMessage } from '../format/error-message';

/** Edits one's own note in place; what was typed stays in the box if the save fails. */
export function NoteEditor({ entry, onDone }: { entry: TimelineEntry; onDone: () => void }) {
  const [body, setBody] = useState(entry.body);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await window.switchboard.request('notes.edit', { entryId: entry.id, body });
      onDone();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="note-editor" onSubmit={(event) => void save(event)}>
      <textarea className="note-editor__input" data-testid="note-edit-input" value={body} rows={3} onChange={(event) => setBody(event.target.value)} autoFocus />
      {error && (
        <p className="note-editor__error" role="alert">
          {error}
        </p>
      )}
      <div className="note-editor__actions">
        <button type="button" className="button" onClick={onDone} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" data-testid="note-edit-save" disabled={busy || body.trim() === ''}>
          Save new version
        </button>
      </div>
    </form>
  );
}
