import { useLayoutEffect, useRef } from 'react';
import type { TimelineEntry } from '../../src-shared/domain/timeline';
import { dayLabel, groupByDay } from '../../src-shared/time/day-groups';
import { useNow } from '../app/use-now';
import { EmptyState } from '../ui/EmptyState';
import { TimelineItem } from './TimelineItem';

interface TimelineProps {
  conversationId: string;
  entries: TimelineEntry[];
}

export function Timeline({ conversationId, entries }: TimelineProps) {
  const now = useNow(60_000);
  const scrollRef = useRef<HTMLDivElement>(null);
  const newestId = entries[entries.length - 1]?.id;

  // Opening a conversation or receiving a new entry lands on the latest message, like any chat.
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [conversationId, newestId]);

  if (entries.length === 0) {
    return (
      <div className="timeline" ref={scrollRef}>
        <EmptyState title="No messages yet">Notes you add appear here.</EmptyState>
      </div>
    );
  }

  return (
    <div className="timeline" ref={scrollRef} aria-label="Conversation timeline">
      {groupByDay(entries, (entry) => entry.occurredAt).map((group) => (
        <section key={group.day} className="day-group">
          <h2 className="day-group__label">
            <span>{dayLabel(group.day, now)}</span>
          </h2>
          {group.items.map((entry) => (
            <TimelineItem key={entry.id} entry={entry} />
          ))}
        </section>
      ))}
    </div>
  );
}
