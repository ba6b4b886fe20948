export const TLS_MODES = ['implicit', 'starttls', 'none'] as const;
/** `implicit`: TLS from the first byte (993, 465); `starttls`: upgraded, and required; `none`: plain text. */
export type TlsMode = (typeof TLS_MODES)[number];

export interface MailServerSettings {
  host: string;
  port: number;
  tls: TlsMode;
}

/** The account as Settings shows it: never the password, only whether one is saved. */
export interface EmailAccountView {
  address: string;
  senderName: string | null;
  imap: MailServerSettings;
  smtp: MailServerSettings | null;
  user: string;
  hasPassword: boolean;
}

export const CONNECTION_STEPS = ['dns', 'tcp', 'tls', 'auth', 'inbox'] as const;
export type ConnectionStepName = (typeof CONNECTION_STEPS)[number];

export interface ConnectionStep {
  server: 'imap' | 'smtp';
  step: ConnectionStepName;
  ok: boolean;
  /** Written for the person setting up the account: what worked, or what failed and what to check. */
  message: string;
  ms: number;
}

/** The steps in the order they ran; a server's steps stop at its first failure. */
export interface ConnectionReport {
  ok: boolean;
  steps: ConnectionStep[];
}
