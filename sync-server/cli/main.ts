import { SERVE_USAGE, serveCommand } from './serve-command';
import { UsageError } from './usage-error';
import { WORKSPACE_USAGE, workspaceCommand } from './workspace-commands';

const USAGE = `Usage:\n  ${SERVE_USAGE}\n  ${WORKSPACE_USAGE.join('\n  ')}`;

/** The `switchboard-sync` command: one entry, each subcommand in its own module. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'serve') return await serveCommand(rest);
    if (command === 'workspace') return workspaceCommand(rest);
    if (command === '--help' || command === '-h' || command === 'help') {
      console.log(USAGE);
      return 0;
    }
    throw new UsageError(`Unknown command "${argv.join(' ')}".`);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
