import type { TimelineEntry } from '../../src-shared/domain/timeline';

/** The attributes every timeline entry carries, which the end-to-end test selects on. */
export function entryAttributes(entry: TimelineEntry) {
  return {
    'data-testid': 'entry',
    'data-entry-id': entry.id,
    'data-kind': entry.kind,
    'data-direction': entry.direction ?? 'none',
  } as const;
}
