#!/usr/bin/env node
// The sync server's command. It runs the bundle that `npm run build` writes, so no TypeScript runtime is needed.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/sync-server.mjs', import.meta.url));
if (!existsSync(bundle)) {
  console.error('switchboard-sync is not built yet: run `npm run build` in its folder first.');
  process.exit(1);
}
await import(bundle);
