import { useState } from 'react';
import { errorMessage } from '../format/error-message';

/**
 * The "Needs response" flag with the way to clear it when no reply is needed (a customer's "thanks!").
 * The flag comes back by itself when the customer writes again; the list refetches on the change event.
 */
export function NeedsResponse({ conversationId }: { conversationId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dismiss = async () => {
    setBusy(true);
    setError(null);
    try {
      await window.switchboard.request('conversations.dismissNeedsResponse', { conversationId });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="needs-response">
      <span className="pill pill--attention">Needs response</span>
      <button type="button" className="button needs-response__dismiss" data-testid="dismiss-needs-response" disabled={busy} onClick={() => void dismiss()} title="The customer needs no reply to what they sent so far">
        No reply needed
      </button>
      {error && (
        <span className="needs-response__error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
