import path from 'node:path';
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { emailChannelHooks } from '../../channels/email/email-channel-hooks';
import { baileysChannelHooks } from '../../channels/whatsapp/whatsapp-channel-hooks';
import type { WhatsAppChannelHooks } from '../../core/whatsapp/whatsapp-channel-deps';
import { createCore } from '../../core/create-core';
import { createRestartableCore } from '../../core/restartable-core';
import { openHostSecretStore, SECRET_KEY_VARIABLE } from '../../core/secrets/host-secret-store';
import { findUp } from '../../core/paths/find-up';
import { loadOrCreateAccessToken } from '../server/access-token';
import { startHostServer } from '../server/host-server';
import { HOST_USAGE } from './usage';

/**
 * Runs core and channels under plain Node and serves the renderer; stops cleanly on SIGINT/SIGTERM.
 * `whatsapp` is Baileys' real socket; only the end-to-end tests' own entry passes another.
 */
export async function hostCommand(argv: string[], whatsapp: WhatsAppChannelHooks = baileysChannelHooks): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      port: { type: 'string', default: '4870' },
      demo: { type: 'boolean', default: false },
      renderer: { type: 'string' },
    },
    strict: true,
  });
  if (!values.data) {
    console.error(`Missing --data DIR.\nUsage: ${HOST_USAGE}`);
    return 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not "${values.port}".`);
    return 2;
  }
  const rendererDir = path.resolve(values.renderer ?? findUp(import.meta.url, 'dist/renderer', 'dist/renderer/index.html') ?? 'dist/renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`The renderer is not built (no ${rendererDir}/index.html). Run \`npm run build\` first.`);
    return 1;
  }
  const dataDir = path.resolve(values.data);
  const secrets = openHostSecretStore(dataDir, process.env[SECRET_KEY_VARIABLE]);
  if (secrets.unavailableReason) console.log(secrets.unavailableReason);
  const core = createRestartableCore((requestRestart) =>
    createCore({ dataDir, demo: values.demo, secrets, channels: { email: emailChannelHooks, whatsapp }, requestRestart }),
  );
  const { session, seededDemo } = core.current();
  if (values.demo && !seededDemo) console.log('This data folder already has a workspace; --demo seeds only a fresh one.');
  const server = await startHostServer({ core, rendererDir, token: loadOrCreateAccessToken(dataDir), port });
  console.log(`Switchboard (${session.workspace.name}${session.workspace.isDemo ? ', demo' : ''}) is running.`);
  console.log(`Open ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  core.close();
  return 0;
}
