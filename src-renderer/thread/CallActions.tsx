import { useState } from 'react';
import type { TimelineEntry } from '../../src-shared/domain/timeline';
import { useContactSearch } from '../contact/use-contact-search';
import { errorMessage } from '../format/error-message';
import { useThreadStore } from '../stores/thread-store';

/**
 * What the front desk does with a call after it came in: mark a missed call or voicemail resolved
 * (it keeps the thread in Unread until then), or move a call the number filed under the wrong
 * customer, to the right one or to a thread of its own, with a reason for the audit log.
 */
export function CallActions({ entry }: { entry: TimelineEntry }) {
  const contactId = useThreadStore((state) => state.detail?.contact.id ?? '');
  const [moving, setMoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unresolved = entry.direction === 'inbound' && (entry.call?.outcome === 'missed' || entry.call?.outcome === 'voicemail') && !entry.call.resolvedAt;
  const run = async (request: () => Promise<unknown>) => {
    setError(null);
    try {
      await request();
      setMoving(false);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <div className="call-actions">
      {unresolved && (
        <button type="button" className="call-actions__button" data-testid="call-resolve" onClick={() => void run(() => window.switchboard.request('calls.resolve', { entryId: entry.id }))}>
          Mark resolved
        </button>
      )}
      {entry.call?.resolvedAt && <span className="call-actions__resolved">Resolved</span>}
      {!moving && (
        <button type="button" className="call-actions__button" data-testid="call-move" onClick={() => setMoving(true)}>
          Wrong customer?
        </button>
      )}
      {moving && <MoveCall contactId={contactId} onMove={(toContactId, reason) => run(() => window.switchboard.request('calls.move', { entryId: entry.id, toContactId, reason }))} onCancel={() => setMoving(false)} />}
      {error && (
        <span className="call-actions__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function MoveCall({ contactId, onMove, onCancel }: { contactId: string; onMove: (toContactId: string | null, reason: string | null) => void; onCancel: () => void }) {
  const [query, setQuery] = useState('');
  const [reason, setReason] = useState('');
  const search = useContactSearch(query, contactId);
  const why = reason.trim() === '' ? null : reason.trim();
  return (
    <div className="move-call" data-testid="move-call">
      <input className="move-call__input" data-testid="move-call-search" placeholder="Find the right customer" value={query} onChange={(event) => setQuery(event.target.value)} autoFocus />
      <input className="move-call__input" data-testid="move-call-reason" placeholder="Why (kept in the history), optional" value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} />
      <ul className="move-call__results">
        {search.candidates.map((candidate) => (
          <li key={candidate.contactId}>
            <button type="button" className="call-actions__button" data-testid="move-call-to" onClick={() => onMove(candidate.contactId, why)}>
              Move to {candidate.contactName}
            </button>
          </li>
        ))}
      </ul>
      <div className="move-call__footer">
        <button type="button" className="call-actions__button" data-testid="move-call-detach" onClick={() => onMove(null, why)}>
          Give it a thread of its own
        </button>
        <button type="button" className="call-actions__button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
