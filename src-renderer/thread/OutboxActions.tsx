import { useState } from 'react';
import type { OutboxStatus } from '../../src-shared/domain/outbox';
import { canApproveSends } from '../../src-shared/domain/permissions';
import { errorMessage } from '../format/error-message';
import { useSessionStore } from '../stores/session-store';

/**
 * What a person can do about a message we send: retry it when it failed, say whether it went out when
 * a send was cut off (Switchboard never guesses), approve a gated agent's message. The thread refetches
 * on the change event main sends afterwards.
 */
export function OutboxActions({ status }: { status: OutboxStatus }) {
  const role = useSessionStore((state) => state.session?.me.role);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(request: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await request();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  const itemId = status.itemId;
  const { request } = window.switchboard;
  const approver = role !== undefined && canApproveSends(role);
  const actionable = status.waitingFor !== null || status.state === 'failed' || status.state === 'unknown' || (status.state === 'pending_approval' && approver);
  if (!actionable) return null;
  return (
    <div className="outbox-actions" data-testid="outbox-actions" data-state={status.state}>
      {status.waitingFor === 'email_account' && (
        <p className="outbox-actions__note">No email account can send yet; it goes out once one is set up in Settings.</p>
      )}
      {status.state === 'failed' && (
        <>
          {status.lastError && <p className="outbox-actions__error">{status.lastError}</p>}
          <button type="button" className="button" data-testid="retry-send" disabled={busy} onClick={() => void run(() => request('outbox.retry', { itemId }))}>
            Retry
          </button>
        </>
      )}
      {status.state === 'unknown' && (
        <>
          <p className="outbox-actions__note">{status.lastError ?? 'Sending was interrupted.'} Did it reach the customer?</p>
          <button type="button" className="button" data-testid="resolve-sent" disabled={busy} onClick={() => void run(() => request('outbox.resolve', { itemId, outcome: 'sent' }))}>
            It was sent
          </button>
          <button type="button" className="button" data-testid="resolve-failed" disabled={busy} onClick={() => void run(() => request('outbox.resolve', { itemId, outcome: 'failed' }))}>
            Not sent
          </button>
        </>
      )}
      {status.state === 'pending_approval' && approver && (
        <button type="button" className="button" data-testid="approve-send" disabled={busy} onClick={() => void run(() => request('outbox.approve', { itemId }))}>
          Approve and send
        </button>
      )}
      {error && (
        <p className="outbox-actions__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
