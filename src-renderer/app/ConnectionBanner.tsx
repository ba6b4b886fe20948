import { useConnectionStore } from '../stores/connection-store';
import { useSessionStore } from '../stores/session-store';

export function ConnectionBanner() {
  const status = useConnectionStore((state) => state.status);
  const missingToken = useConnectionStore((state) => state.missingToken);
  const sessionError = useSessionStore((state) => state.error);

  if (missingToken && status !== 'open') {
    return (
      <div className="banner banner--error" role="alert">
        No access token. Open the address printed by <code>switchboard host</code>, including its #token part.
      </div>
    );
  }
  if (status === 'reconnecting') {
    return (
      <div className="banner banner--warning" role="status">
        Connection to Switchboard lost. Reconnecting…
      </div>
    );
  }
  if (sessionError) {
    return (
      <div className="banner banner--error" role="alert">
        Could not load the workspace: {sessionError}
      </div>
    );
  }
  return null;
}
