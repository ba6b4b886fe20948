/** What each `switchboard` subcommand takes, apart from the commands themselves so `--help` loads none of them. */
export const HOST_USAGE = 'switchboard host --data DIR [--port N] [--demo] [--renderer DIR]';
export const PHONE_USAGE = 'switchboard phone normalize [INPUT...] [--region CC] [--json]';
export const EMAIL_PARSE_USAGE = 'switchboard email parse FILE... [--json]';
export const EMAIL_SYNC_USAGE =
  'switchboard email sync --host H --port P --user U --password-env VAR [--tls|--no-tls] [--address A] [--sender-name N] ' +
  '[--horizon-months M] [--chunk-size N] [--parse-workers N] --data DIR [--once]';
