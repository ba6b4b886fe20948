import { useId } from 'react';
import { TLS_MODES, type TlsMode } from '../../src-shared/domain/email-account';
import { withTls, type ServerFields as Fields } from './email-form';

const TLS_LABELS: Record<TlsMode, string> = {
  implicit: 'SSL/TLS',
  starttls: 'STARTTLS',
  none: 'None (unencrypted)',
};

interface ServerFieldsProps {
  kind: 'imap' | 'smtp';
  legend: string;
  fields: Fields;
  onChange: (fields: Fields) => void;
}

export function ServerFields({ kind, legend, fields, onChange }: ServerFieldsProps) {
  const id = useId();
  return (
    <fieldset className="settings-form__server">
      <legend>{legend}</legend>
      <label htmlFor={`${id}-host`}>Server</label>
      <input
        id={`${id}-host`}
        data-testid={`email-${kind}-host`}
        value={fields.host}
        placeholder={kind === 'imap' ? 'imap.example.com' : 'smtp.example.com'}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => onChange({ ...fields, host: event.target.value })}
      />
      <label htmlFor={`${id}-port`}>Port</label>
      <input
        id={`${id}-port`}
        data-testid={`email-${kind}-port`}
        className="settings-form__port"
        inputMode="numeric"
        value={fields.port}
        onChange={(event) => onChange({ ...fields, port: event.target.value.replace(/\D/g, '') })}
      />
      <label htmlFor={`${id}-tls`}>Security</label>
      <select
        id={`${id}-tls`}
        data-testid={`email-${kind}-tls`}
        value={fields.tls}
        onChange={(event) => onChange(withTls(kind, fields, event.target.value as TlsMode))}
      >
        {TLS_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {TLS_LABELS[mode]}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
