import { useEffect } from 'react';
import { channelStatusText } from './channel-status-text';
import { useEmailSettingsStore } from './email-settings-store';

/** The channel reports no events of its own, so the line is refreshed while Settings is open. */
const POLL_MS = 2_000;

export function EmailStatusLine() {
  const status = useEmailSettingsStore((state) => state.status);
  const configured = useEmailSettingsStore((state) => state.saved !== null);
  useEffect(() => {
    const timer = setInterval(() => void useEmailSettingsStore.getState().refreshStatus(), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <p className="email-status" data-testid="email-status" data-state={configured ? (status?.state ?? 'unknown') : 'not-set-up'} role="status">
      {channelStatusText(status, configured)}
    </p>
  );
}
