import type { TimelineEntry } from '../../src-shared/domain/timeline';
import { useSessionStore } from '../stores/session-store';
import { entryAttributes } from './entry-attributes';
import { EntryTime } from './EntryTime';

export function NoteCard({ entry }: { entry: TimelineEntry }) {
  const author = useSessionStore((state) =>
    entry.authorMemberId === null ? undefined : state.session?.members.find((m) => m.id === entry.authorMemberId),
  );
  return (
    <article {...entryAttributes(entry)} className="note-card">
      <header className="note-card__header">
        <span className="note-card__label">Internal note</span>
        {author && <span className="note-card__author">{author.name}</span>}
        <EntryTime at={entry.occurredAt} />
      </header>
      <div className="note-card__body">{entry.body}</div>
    </article>
  );
}
