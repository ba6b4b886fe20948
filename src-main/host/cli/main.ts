import { EMAIL_PARSE_USAGE, emailParseCommand } from './email-parse-command';
import { EMAIL_SYNC_USAGE, emailSyncCommand } from './email-sync-command';
import { HOST_USAGE, hostCommand } from './host-command';
import { PHONE_USAGE, phoneNormalizeCommand } from './phone-normalize-command';

const USAGE = `Usage:\n  ${HOST_USAGE}\n  ${PHONE_USAGE}\n  ${EMAIL_PARSE_USAGE}\n  ${EMAIL_SYNC_USAGE}`;

/** The `switchboard` command: one entry, each subcommand in its own module. */
export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    if (command === 'host') return await hostCommand(argv.slice(1));
    if (command === 'phone' && sub === 'normalize') return await phoneNormalizeCommand(rest);
    if (command === 'email' && sub === 'parse') return await emailParseCommand(rest);
    if (command === 'email' && sub === 'sync') return await emailSyncCommand(rest);
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
