import type { RequestInput } from '../../src-shared/api/requests';
import type { EmailAccountView, MailServerSettings, TlsMode } from '../../src-shared/domain/email-account';

/** The form as typed: ports stay text until sent, so a half-typed number is not fought over. */
export interface ServerFields {
  host: string;
  port: string;
  tls: TlsMode;
}

export interface EmailForm {
  address: string;
  senderName: string;
  imap: ServerFields;
  smtp: ServerFields;
  user: string;
  /** Empty keeps the saved password. */
  password: string;
}

const DEFAULT_PORTS: Record<'imap' | 'smtp', Record<TlsMode, number>> = {
  imap: { implicit: 993, starttls: 143, none: 143 },
  smtp: { implicit: 465, starttls: 587, none: 25 },
};

export function defaultPort(server: 'imap' | 'smtp', tls: TlsMode): string {
  return String(DEFAULT_PORTS[server][tls]);
}

/** A port still at the old mode's default follows the new mode; one the person typed stays. */
export function withTls(server: 'imap' | 'smtp', fields: ServerFields, tls: TlsMode): ServerFields {
  const port = fields.port === defaultPort(server, fields.tls) ? defaultPort(server, tls) : fields.port;
  return { ...fields, tls, port };
}

/**
 * The form once the saved account has arrived: the saved values, unless someone started typing while
 * they loaded (`current` is no longer the form the load began with), whose typing is kept.
 */
export function formAfterLoad(saved: EmailAccountView | null, current: EmailForm, atLoadStart: EmailForm): EmailForm {
  return current === atLoadStart ? formFrom(saved) : current;
}

export function formFrom(view: EmailAccountView | null): EmailForm {
  const server = (kind: 'imap' | 'smtp', saved: MailServerSettings | null | undefined, tls: TlsMode): ServerFields =>
    saved ? { host: saved.host, port: String(saved.port), tls: saved.tls } : { host: '', port: defaultPort(kind, tls), tls };
  return {
    address: view?.address ?? '',
    senderName: view?.senderName ?? '',
    imap: server('imap', view?.imap, 'implicit'),
    smtp: server('smtp', view?.smtp, 'starttls'),
    user: view?.user ?? '',
    password: '',
  };
}

export function requestFrom(form: EmailForm): RequestInput<'email.account.save'> {
  const server = (fields: ServerFields) => ({ host: fields.host, port: Number(fields.port), tls: fields.tls });
  return {
    address: form.address,
    senderName: form.senderName,
    imap: server(form.imap),
    smtp: server(form.smtp),
    user: form.user,
    ...(form.password === '' ? {} : { password: form.password }),
  };
}
