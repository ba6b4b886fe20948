import { SettingsButton } from '../settings/SettingsButton';
import { useSessionStore } from '../stores/session-store';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
}

export function HeaderBar() {
  const session = useSessionStore((state) => state.session);
  return (
    <header className="header-bar">
      <div className="header-bar__workspace">
        <span className="header-bar__logo" aria-hidden="true">
          S
        </span>
        <span className="header-bar__name">{session?.workspace.name ?? 'Switchboard'}</span>
        {session?.workspace.isDemo && (
          <span
            className="demo-badge"
            data-testid="demo-badge"
            title="Sample customers and messages: nothing here reaches a real person"
          >
            Demo workspace
          </span>
        )}
      </div>
      <div className="header-bar__actions">
        <SettingsButton />
        {session && (
          <div className="header-bar__me" title={session.me.email ?? session.me.name}>
            <span className="avatar" aria-hidden="true">
              {initials(session.me.name)}
            </span>
            <span>{session.me.name}</span>
          </div>
        )}
      </div>
    </header>
  );
}
