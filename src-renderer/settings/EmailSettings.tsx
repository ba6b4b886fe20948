import { useEffect, useId, type FormEvent } from 'react';
import { ConnectionReportList } from './ConnectionReportList';
import { EmailStatusLine } from './EmailStatusLine';
import { useEmailSettingsStore } from './email-settings-store';
import { ServerFields } from './ServerFields';

export function EmailSettings() {
  const id = useId();
  const { form, saved, report, busy, error, notice, edit, test, save } = useEmailSettingsStore();
  useEffect(() => void useEmailSettingsStore.getState().load(), []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  return (
    <section className="settings-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="settings-section__title">
        Email
      </h2>
      <EmailStatusLine />
      <form className="settings-form" onSubmit={onSubmit}>
        <div className="settings-form__grid">
          <label htmlFor={`${id}-address`}>Email address</label>
          <input
            id={`${id}-address`}
            data-testid="email-address"
            type="email"
            value={form.address}
            placeholder="office@yourbusiness.com"
            onChange={(event) => edit((f) => ({ ...f, address: event.target.value }))}
          />
          <label htmlFor={`${id}-sender`}>Sender name</label>
          <input
            id={`${id}-sender`}
            data-testid="email-sender-name"
            value={form.senderName}
            placeholder="Your business name, as customers see it"
            onChange={(event) => edit((f) => ({ ...f, senderName: event.target.value }))}
          />
          <label htmlFor={`${id}-user`}>User name</label>
          <input
            id={`${id}-user`}
            data-testid="email-user"
            value={form.user}
            placeholder="Usually the email address"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => edit((f) => ({ ...f, user: event.target.value }))}
          />
          <label htmlFor={`${id}-password`}>Password</label>
          <input
            id={`${id}-password`}
            data-testid="email-password"
            type="password"
            value={form.password}
            placeholder={saved?.hasPassword ? '•••••• (saved)' : 'Password or app password'}
            autoComplete="new-password"
            onChange={(event) => edit((f) => ({ ...f, password: event.target.value }))}
          />
        </div>
        <div className="settings-form__servers">
          <ServerFields kind="imap" legend="Incoming mail (IMAP)" fields={form.imap} onChange={(imap) => edit((f) => ({ ...f, imap }))} />
          <ServerFields kind="smtp" legend="Outgoing mail (SMTP)" fields={form.smtp} onChange={(smtp) => edit((f) => ({ ...f, smtp }))} />
        </div>
        {error !== null && (
          <p className="settings-form__error" role="alert" data-testid="email-error">
            {error}
          </p>
        )}
        {notice !== null && <p className="settings-form__notice">{notice}</p>}
        <div className="settings-form__actions">
          <button type="button" className="button" data-testid="email-test" disabled={busy !== null} onClick={() => void test()}>
            {busy === 'testing' ? 'Testing…' : 'Test connection'}
          </button>
          <button type="submit" className="button button--primary" data-testid="email-save" disabled={busy !== null}>
            {busy === 'saving' ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
      {report !== null && <ConnectionReportList report={report} />}
    </section>
  );
}
