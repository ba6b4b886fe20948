import { useEffect, useState, type ReactNode } from 'react';
import type { SmsComposeStatus } from '../../../src-shared/sms/sms-compose';
import { formatPhoneForDisplay } from '../../../src-shared/identity/phone';
import { errorMessage } from '../../format/error-message';
import { useThreadStore } from '../../stores/thread-store';
import { ComposerFooter } from '../ComposerFooter';
import { useComposerSubmit } from '../use-composer-submit';
import { segmentMeter } from './segment-meter';
import { sendSms } from './send-sms';
import { useSmsDraftsStore } from './sms-drafts-store';
import { ComposerInput } from '../ComposerInput';

interface SmsComposerProps {
  conversationId: string;
  tabs: ReactNode;
  hint: string;
}

/** SMS mode: shows where the text goes, its segments and price, and refuses (with the reason) when it cannot be sent. */
export function SmsComposer({ conversationId, tabs, hint }: SmsComposerProps) {
  const body = useSmsDraftsStore((state) => state.drafts[conversationId]?.body ?? '');
  const [status, setStatus] = useState<SmsComposeStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  // A new entry may be the customer's STOP or START: the status is asked again whenever the thread grows.
  const entryCount = useThreadStore((state) => state.detail?.entries.length ?? 0);
  useEffect(() => {
    let current = true;
    window.switchboard
      .request('sms.status', { conversationId })
      .then((next) => {
        if (!current) return;
        setStatus(next);
        setStatusError(null);
      })
      .catch((failure: unknown) => current && setStatusError(errorMessage(failure)));
    return () => {
      current = false;
    };
  }, [conversationId, entryCount]);
  const meter = segmentMeter(body, status?.pricePerSegment ?? null);
  const unavailable = statusError ?? status?.unavailable ?? null;
  const { submitting, error, canSubmit, onSubmit, onKeyDown } = useComposerSubmit(
    status !== null && unavailable === null && body.trim() !== '' && meter.tooLong === null,
    () => sendSms({ conversationId, clientId: useSmsDraftsStore.getState().clientIdFor(conversationId), body }),
    () => useSmsDraftsStore.getState().clear(conversationId),
  );

  return (
    <form className="composer composer--sms" onSubmit={onSubmit}>
      {tabs}
      <div className="composer__envelope">
        <span className="composer__to" data-testid="sms-to">
          To: {status?.to ? formatPhoneForDisplay(status.to) : 'no mobile number'}
          {status?.from ? ` · from ${formatPhoneForDisplay(status.from)}` : ''}
        </span>
      </div>
      {unavailable && (
        <p className="composer__error" role="alert" data-testid="sms-unavailable">
          {unavailable}
        </p>
      )}
      <ComposerInput
        label="Text message"
        placeholder="Text the customer"
        value={body}
        submitting={submitting}
        onChange={(text) => useSmsDraftsStore.getState().edit(conversationId, { body: text })}
        onKeyDown={onKeyDown}
      />
      <p className="composer__meter" data-testid="sms-segments" aria-live="polite">
        {meter.text}
      </p>
      <ComposerFooter
        error={error}
        keptMessage="Your text is kept; try again."
        tooLongMessage={meter.tooLong}
        hint={hint}
        canSubmit={canSubmit}
        submitting={submitting}
        label="Send text"
        busyLabel="Sending…"
      />
    </form>
  );
}
