import { useState } from 'react';
import type { TimelineEntry } from '../../src-shared/domain/timeline';
import { useSessionStore } from '../stores/session-store';
import { entryAttributes } from './entry-attributes';
import { EntryTime } from './EntryTime';
import { NoteEditor } from './NoteEditor';
import { RevisionHistory } from './RevisionHistory';

export function NoteCard({ entry }: { entry: TimelineEntry }) {
  const [editing, setEditing] = useState(false);
  const author = useSessionStore((state) =>
    entry.authorMemberId === null ? undefined : state.session?.members.find((m) => m.id === entry.authorMemberId),
  );
  const mine = useSessionStore((state) => entry.authorMemberId !== null && state.session?.me.id === entry.authorMemberId);
  return (
    <article {...entryAttributes(entry)} className="note-card">
      <header className="note-card__header">
        <span className="note-card__label">Internal note</span>
        {author && <span className="note-card__author">{author.name}</span>}
        {mine && !editing && (
          <button type="button" className="note-card__edit" data-testid="note-edit" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        <EntryTime at={entry.occurredAt} />
      </header>
      {editing ? <NoteEditor entry={entry} onDone={() => setEditing(false)} /> : <div className="note-card__body">{entry.body}</div>}
      {entry.editedAt !== undefined && <RevisionHistory entryId={entry.id} editedAt={entry.editedAt} />}
    </article>
  );
}
