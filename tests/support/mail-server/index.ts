export { connectImap } from './imap-client';
export { startMailServer, postfixCheck } from './start-mail-server';
export type { MailEndpoint, MailServer, MailServerOptions, MailUser, TlsEndpoint } from './start-mail-server';
