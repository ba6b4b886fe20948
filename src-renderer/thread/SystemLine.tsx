import type { TimelineEntry } from '../../src-shared/domain/timeline';
import { entryAttributes } from './entry-attributes';
import { EntryTime } from './EntryTime';

export function SystemLine({ entry }: { entry: TimelineEntry }) {
  return (
    <div {...entryAttributes(entry)} className="system-line">
      {entry.body} · <EntryTime at={entry.occurredAt} />
    </div>
  );
}
