import { relativeTime } from '../../src-shared/time/day-groups';
import { formatPhoneForDisplay } from '../../src-shared/identity/phone';
import type { OtherWhatsAppRow } from '../../src-shared/api/whatsapp-other';
import { useNow } from '../app/use-now';
import { fullDateTime } from '../format/clock-time';
import { Snippet } from '../inbox/Snippet';
import { PagedListPanel, type PagedListWords } from '../ui/PagedListPanel';
import { useOtherWhatsAppStore } from './other-whatsapp-store';

const WORDS: PagedListWords = {
  noun: 'WhatsApp groups',
  title: 'WhatsApp groups',
  explanation: "Messages in WhatsApp groups and broadcasts land here instead of in a customer's conversation.",
  empty: 'No group messages',
  older: 'Show older messages',
  testId: 'other-whatsapp',
};

export function OtherWhatsAppPanel() {
  const now = useNow(60_000);
  const list = useOtherWhatsAppStore();
  return (
    <PagedListPanel words={WORDS} list={list}>
      {(row) => <GroupMessage key={row.id} row={row} now={now} />}
    </PagedListPanel>
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
