import type { TimelineEntry } from '../../src-shared/domain/timeline';
import { EmailContent } from '../email/EmailContent';
import { CHANNEL_LABELS } from '../format/channel-label';
import { DELIVERY_STATUS_LABELS } from '../format/delivery-status';
import { ChannelIcon } from '../ui/ChannelIcon';
import { Attachments } from './Attachments';
import { entryAttributes } from './entry-attributes';
import { EntryTime } from './EntryTime';
import { OutboxActions } from './OutboxActions';
import { RevisionHistory } from './RevisionHistory';
import { DeletedBody } from './whatsapp/DeletedBody';
import { DeliveryTicks } from './whatsapp/DeliveryTicks';
import { InlineMedia } from './whatsapp/InlineMedia';
import { Reactions } from './whatsapp/Reactions';

export function MessageBubble({ entry }: { entry: TimelineEntry }) {
  const outbound = entry.direction === 'outbound';
  const status = outbound && entry.deliveryStatus ? entry.deliveryStatus : null;
  return (
    <article {...entryAttributes(entry)} className={`entry-row entry-row--${outbound ? 'outbound' : 'inbound'}`}>
      <div className={`bubble${outbound ? ' bubble--outbound' : ''}`}>
        {entry.subject && <div className="bubble__subject">{entry.subject}</div>}
        {entry.deletedAt !== undefined ? (
          <DeletedBody at={entry.deletedAt} />
        ) : entry.channel === 'email' ? (
          <EmailContent entryId={entry.id} text={entry.body} variant="bubble" />
        ) : (
          <div className="bubble__body">{entry.body}</div>
        )}
        {(entry.channel === 'whatsapp' || entry.channel === 'sms') && <InlineMedia entryId={entry.id} attachments={entry.attachments} />}
        <Attachments entryId={entry.id} attachments={entry.attachments} />
        <Reactions reactions={entry.reactions} />
        {entry.editedAt !== undefined && entry.deletedAt === undefined && <RevisionHistory entryId={entry.id} editedAt={entry.editedAt} />}
        <footer className="entry-meta">
          <ChannelIcon channel={entry.channel} />
          <span>{CHANNEL_LABELS[entry.channel]}</span>
          <span aria-hidden="true">·</span>
          <EntryTime at={entry.occurredAt} />
          {status && (
            <>
              <span aria-hidden="true">·</span>
              <span className={`delivery-status delivery-status--${status}`} data-testid="delivery-status">
                {entry.channel === 'whatsapp' && <DeliveryTicks status={status} />}
                {DELIVERY_STATUS_LABELS[status]}
              </span>
            </>
          )}
        </footer>
        {entry.outbox && <OutboxActions status={entry.outbox} />}
      </div>
    </article>
  );
}
