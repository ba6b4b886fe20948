import { relativeTime } from '../../src-shared/time/day-groups';
import { formatPhoneForDisplay } from '../../src-shared/identity/phone';
import type { OtherWhatsAppRow } from '../../src-shared/api/whatsapp-other';
import { useNow } from '../app/use-now';
import { fullDateTime } from '../format/clock-time';
import { Snippet } from '../inbox/Snippet';
import { EmptyState } from '../ui/EmptyState';
import { SearchInput } from '../ui/SearchInput';
import { useOtherWhatsAppStore } from './other-whatsapp-store';

/**
 * The inbox panel while WhatsApp groups are open, laid out as "Other mail" is: its own search and a
 * paged list, newest first. Nothing here becomes a conversation, and none of it is dropped.
 */
export function OtherWhatsAppPanel() {
  const now = useNow(60_000);
  const { query, rows, nextCursor, status, error, hide, setQuery, loadMore } = useOtherWhatsAppStore();
  return (
    <nav className="inbox-panel other-mail-panel" aria-label="WhatsApp groups">
      <div className="other-mail-panel__header">
        <button type="button" className="link-button" data-testid="other-whatsapp-back" onClick={hide}>
          ← Conversations
        </button>
        <span className="other-mail-panel__title">WhatsApp groups</span>
      </div>
      <SearchInput value={query} onChange={setQuery} placeholder="Search WhatsApp groups" label="Search WhatsApp groups" testId="other-whatsapp-search" />
      {status === 'error' && (
        <div className="list-status list-status--error" role="alert">
          Could not load WhatsApp groups: {error}
        </div>
      )}
      {status === 'ready' && rows.length === 0 ? (
        <EmptyState title={query.trim() ? 'Nothing matches' : 'No group messages'}>
          Messages in WhatsApp groups and broadcasts land here instead of in a customer's conversation.
        </EmptyState>
      ) : (
        <ul className="other-mail-list" data-testid="other-whatsapp-list">
          {rows.map((row) => (
            <GroupMessage key={row.id} row={row} now={now} />
          ))}
          {nextCursor && (
            <li>
              <button type="button" className="other-mail-list__more link-button" onClick={() => void loadMore()}>
                {status === 'loading' ? 'Loading…' : 'Show older messages'}
              </button>
            </li>
          )}
        </ul>
      )}
    </nav>
  );
}

function GroupMessage({ row, now }: { row: OtherWhatsAppRow; now: number }) {
  const sender = row.senderJid === 'me' ? 'You' : (row.senderName ?? (row.senderPhone ? formatPhoneForDisplay(row.senderPhone) : 'Someone in the group'));
  return (
    <li className="other-mail-row" data-testid="other-whatsapp-row" data-id={row.id}>
      <span className="other-mail-row__line">
        <span className="other-mail-row__from">{sender}</span>
        <time className="other-mail-row__time" dateTime={new Date(row.occurredAt).toISOString()} title={fullDateTime(row.occurredAt)}>
          {relativeTime(row.occurredAt, now)}
        </time>
      </span>
      <span className="other-mail-row__subject">Group {row.chatJid.split('@')[0]}</span>
      <span className="other-mail-row__snippet">
        <Snippet text={row.snippet || '(a photo or file)'} />
      </span>
    </li>
  );
}
