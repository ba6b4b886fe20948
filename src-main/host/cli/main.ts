import { EMAIL_PARSE_USAGE, EMAIL_SYNC_USAGE, HOST_USAGE, PHONE_USAGE } from './usage';

const USAGE = `Usage:\n  ${HOST_USAGE}\n  ${PHONE_USAGE}\n  ${EMAIL_PARSE_USAGE}\n  ${EMAIL_SYNC_USAGE}`;

/**
 * The `switchboard` command: one entry, each subcommand in its own module, loaded only when it runs.
 * Loading every command's libraries (the host's server, IMAP, SQLite, Yjs) took a third of a second
 * before any command could start, which a short command like `email parse` or `email sync --once` pays
 * in full.
 */
export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    if (command === 'host') return await (await import('./host-command')).hostCommand(argv.slice(1));
    if (command === 'phone' && sub === 'normalize') return await (await import('./phone-normalize-command')).phoneNormalizeCommand(rest);
    if (command === 'email' && sub === 'parse') return await (await import('./email-parse-command')).emailParseCommand(rest);
    if (command === 'email' && sub === 'sync') return await (await import('./email-sync-command')).emailSyncCommand(rest);
    if (command === '--help' || command === '-h' || command === 'help') {
      console.log(USAGE);
      return 0;
    }
    console.error(`Unknown command "${argv.join(' ')}".\n${USAGE}`);
    return 2;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
