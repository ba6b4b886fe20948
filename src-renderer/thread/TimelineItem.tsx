import type { TimelineEntry } from '../../src-shared/domain/timeline';
import { CallCard } from './CallCard';
import { MessageBubble } from './MessageBubble';
import { NoteCard } from './NoteCard';
import { SystemLine } from './SystemLine';

export function TimelineItem({ entry }: { entry: TimelineEntry }) {
  switch (entry.kind) {
    case 'message':
      return <MessageBubble entry={entry} />;
    case 'note':
      return <NoteCard entry={entry} />;
    case 'system':
      return <SystemLine entry={entry} />;
    case 'call':
      return <CallCard entry={entry} />;
  }
}
