import { useEffect, useId, type FormEvent } from 'react';
import { SyncStateLine } from './SyncStateLine';
import { useTeamStore } from './team-store';

/** Settings → Team: join the team's sync server with an invite code, or see which team this PC is in. */
export function TeamSettings() {
  const id = useId();
  const { status, form, busy, error, edit, join } = useTeamStore();
  useEffect(() => void useTeamStore.getState().load(), []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void join();
  };

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`} data-testid="team-settings">
      <h2 id={`${id}-title`} className="settings-section__title">
        Team
      </h2>
      {status?.team ? (
        <div className="settings-form">
          <p data-testid="team-joined">
            This PC is in the team <strong>{status.team.workspaceId}</strong> at {status.team.serverUrl}, as {status.team.memberName}.
          </p>
          <SyncStateLine sync={status.sync} />
        </div>
      ) : (
        <form className="settings-form" onSubmit={onSubmit}>
          <p className="team-hint">
            On its own, this PC keeps its inbox to itself. To share it with the other PCs of the shop, ask the owner for an invite code.
          </p>
          <div className="settings-form__grid">
            <label htmlFor={`${id}-server`}>Sync server</label>
            <input
              id={`${id}-server`}
              data-testid="team-server"
              type="url"
              value={form.serverUrl}
              placeholder="https://sync.yourbusiness.com"
              onChange={(event) => edit({ serverUrl: event.target.value })}
            />
            <label htmlFor={`${id}-code`}>Invite code</label>
            <input
              id={`${id}-code`}
              data-testid="team-code"
              value={form.code}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => edit({ code: event.target.value })}
            />
            <label htmlFor={`${id}-name`}>Your name</label>
            <input
              id={`${id}-name`}
              data-testid="team-name"
              value={form.name}
              placeholder="As your team will see it"
              onChange={(event) => edit({ name: event.target.value })}
            />
          </div>
          {error && (
            <p className="settings-form__error" role="alert" data-testid="team-error">
              {error}
            </p>
          )}
          <div className="settings-form__actions">
            <button type="submit" className="button button--primary" data-testid="team-join" disabled={busy}>
              {busy ? 'Joining…' : 'Join team'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
