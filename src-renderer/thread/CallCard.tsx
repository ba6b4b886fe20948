import type { CallOutcome, TimelineEntry } from '../../src-shared/domain/timeline';
import { formatDuration } from '../../src-shared/domain/preview';
import { ChannelIcon } from '../ui/ChannelIcon';
import { entryAttributes } from './entry-attributes';
import { EntryTime } from './EntryTime';
import { CallActions } from './CallActions';

const OUTCOME_LABELS: Record<CallOutcome, string> = {
  answered: 'Answered',
  missed: 'Missed',
  voicemail: 'Voicemail',
  busy: 'Busy',
  failed: 'Failed',
};

export function CallCard({ entry }: { entry: TimelineEntry }) {
  const outbound = entry.direction === 'outbound';
  const call = entry.call;
  const outcome = call?.outcome ?? 'answered';
  const showDuration = call !== null && call.durationSec > 0;
  return (
    <article {...entryAttributes(entry)} className={`entry-row entry-row--${outbound ? 'outbound' : 'inbound'}`}>
      <div className={`call-card call-card--${outcome}`}>
        <div className="call-card__line">
          <ChannelIcon channel="voice" />
          <span className="call-card__title">{outbound ? 'Outgoing call' : 'Incoming call'}</span>
          <span className="call-card__outcome">{OUTCOME_LABELS[outcome]}</span>
          {showDuration && <span className="call-card__duration">{formatDuration(call.durationSec)}</span>}
          <EntryTime at={entry.occurredAt} />
        </div>
        {call?.outcome === 'voicemail' && (
          <div className="call-card__voicemail">
            <span className="call-card__voicemail-label">Voicemail</span>
            {call.transcription ? (
              <p className="call-card__transcription">“{call.transcription}”</p>
            ) : (
              <p className="call-card__transcription call-card__transcription--missing">No transcription</p>
            )}
          </div>
        )}
        {entry.body && call?.outcome !== 'voicemail' && <p className="call-card__body">{entry.body}</p>}
        <CallActions entry={entry} />
      </div>
    </article>
  );
}
