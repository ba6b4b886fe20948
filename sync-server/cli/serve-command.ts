import path from 'node:path';
import { parseArgs } from 'node:util';
import { parsePublicUrl } from '../public-url';
import { DEFAULTS, startSyncServer } from '../server';
import { integerOption, requiredOption, UsageError } from './usage-error';

export const SERVE_USAGE =
  'switchboard-sync serve --data DIR --public-url URL [--port N] [--host ADDR] [--max-update-bytes N] [--idle-unload-ms N] ' +
  '[--compact-after-updates N] [--compact-after-bytes N]';

/** Runs the server until SIGINT or SIGTERM, then closes every room after storing what it received. */
export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      'public-url': { type: 'string' },
      port: { type: 'string', default: '4880' },
      host: { type: 'string', default: DEFAULTS.host },
      'max-update-bytes': { type: 'string', default: String(DEFAULTS.maxUpdateBytes) },
      'idle-unload-ms': { type: 'string', default: String(DEFAULTS.idleUnloadMs) },
      'compact-after-updates': { type: 'string', default: String(DEFAULTS.compaction.maxUpdates) },
      'compact-after-bytes': { type: 'string', default: String(DEFAULTS.compaction.maxBytes) },
    },
    strict: true,
  });
  const port = integerOption('port', values.port, 0);
  if (port > 65535) throw new UsageError(`--port must be from 0 to 65535, not ${port}.`);
  let publicUrl: string;
  try {
    publicUrl = parsePublicUrl(requiredOption('public-url', values['public-url'], 'URL'));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const server = await startSyncServer({
    dataDir: path.resolve(requiredOption('data', values.data, 'DIR')),
    port,
    host: values.host,
    publicUrl,
    maxUpdateBytes: integerOption('max-update-bytes', values['max-update-bytes'], 1024),
    idleUnloadMs: integerOption('idle-unload-ms', values['idle-unload-ms'], 0),
    compaction: {
      maxUpdates: integerOption('compact-after-updates', values['compact-after-updates'], 1),
      maxBytes: integerOption('compact-after-bytes', values['compact-after-bytes'], 1),
    },
  });
  console.log(`switchboard-sync listening on ${server.url}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  console.log('switchboard-sync stopped.');
  return 0;
}
