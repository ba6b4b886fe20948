import { memo } from 'react';
import type { ConversationSummary } from '../../src-shared/domain/conversation';
import { relativeTime } from '../../src-shared/time/day-groups';
import { fullDateTime } from '../format/clock-time';
import { ChannelIcon } from '../ui/ChannelIcon';

interface ConversationRowProps {
  row: ConversationSummary;
  selected: boolean;
  now: number;
  top: number;
  onSelect: (conversationId: string) => void;
}

export const ROW_HEIGHT = 64;

export const ConversationRow = memo(function ConversationRow({ row, selected, now, top, onSelect }: ConversationRowProps) {
  const unread = row.unreadCount > 0;
  return (
    <div
      role="option"
      aria-selected={selected}
      data-testid="conversation-row"
      data-conversation-id={row.id}
      className={`conversation-row${selected ? ' is-selected' : ''}${unread ? ' is-unread' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => onSelect(row.id)}
    >
      <div className="conversation-row__line">
        {row.lastChannel && <ChannelIcon channel={row.lastChannel} />}
        <span className="conversation-row__name">{row.contactName}</span>
        <time className="conversation-row__time" dateTime={new Date(row.lastAt).toISOString()} title={fullDateTime(row.lastAt)}>
          {relativeTime(row.lastAt, now)}
        </time>
      </div>
      <div className="conversation-row__line">
        <span className="conversation-row__preview">
          {row.lastDirection === 'outbound' && <span className="conversation-row__you">You: </span>}
          {row.preview}
        </span>
        {row.needsResponse && <span className="needs-response-dot" title="Needs a response" aria-label="Needs a response" />}
        {unread && (
          <span className="unread-badge" aria-label={`${row.unreadCount} unread`}>
            {row.unreadCount > 99 ? '99+' : row.unreadCount}
          </span>
        )}
      </div>
    </div>
  );
});
