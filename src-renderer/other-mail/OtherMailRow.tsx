import { memo } from 'react';
import type { OtherMailCategory, OtherMailRow as Row } from '../../src-shared/api/email-display';
import { relativeTime } from '../../src-shared/time/day-groups';
import { fullDateTime } from '../format/clock-time';
import { Snippet } from '../inbox/Snippet';

export const CATEGORY_LABELS: Record<OtherMailCategory, string> = {
  list: 'Mailing list',
  bulk: 'Bulk',
  automated: 'Automated',
};

interface OtherMailRowProps {
  row: Row;
  selected: boolean;
  now: number;
  onSelect: (id: string) => void;
}

export const OtherMailRow = memo(function OtherMailRow({ row, selected, now, onSelect }: OtherMailRowProps) {
  return (
    <li>
      <button
        type="button"
        className={`other-mail-row${selected ? ' is-selected' : ''}`}
        data-testid="other-mail-row"
        data-id={row.id}
        aria-current={selected}
        onClick={() => onSelect(row.id)}
      >
        <span className="other-mail-row__line">
          <span className="other-mail-row__from">{row.fromName ?? row.fromAddress ?? 'Unknown sender'}</span>
          <time className="other-mail-row__time" dateTime={new Date(row.occurredAt).toISOString()} title={fullDateTime(row.occurredAt)}>
            {relativeTime(row.occurredAt, now)}
          </time>
        </span>
        <span className="other-mail-row__subject">{row.subject ?? '(no subject)'}</span>
        <span className="other-mail-row__snippet">
          <span className="other-mail-row__category">{CATEGORY_LABELS[row.category]}</span> <Snippet text={row.snippet} />
        </span>
      </button>
    </li>
  );
});
