// Builds everything the app runs: the CLI/host bundle, the Electron main and preload bundles, and the
// renderer. TypeScript is checked separately (`npm run typecheck`); esbuild only strips types here.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';

const node = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };
// CommonJS bundles have no import.meta.url; give them the same value ESM would have.
const cjsImportMeta = {
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};

rmSync('dist', { recursive: true, force: true });
await Promise.all([
  // Split, so that each CLI command loads its own code only (see src-main/host/cli/main.ts). The chunks
  // sit beside cli.mjs: code that finds files from its own import.meta.url finds them from there.
  build({
    ...node,
    entryPoints: { cli: 'src-main/host/cli/entry.ts' },
    outdir: 'dist',
    splitting: true,
    chunkNames: 'cli-[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    packages: 'external',
  }),
  build({ ...node, entryPoints: ['sync-server/cli/entry.ts'], outfile: 'dist/sync-server.mjs', format: 'esm', packages: 'external' }),
  build({
    ...node,
    ...cjsImportMeta,
    entryPoints: ['src-main/desktop/main.ts'],
    outfile: 'dist/desktop/main.cjs',
    format: 'cjs',
    packages: 'external',
  }),
  // A sandboxed preload can require only `electron`, so everything else is bundled into it.
  build({ ...node, entryPoints: ['src-main/desktop/preload.ts'], outfile: 'dist/desktop/preload.cjs', format: 'cjs', external: ['electron'] }),
  // The email parse pool's worker thread, beside each bundle that starts it (see parse-pool.ts).
  ...['dist', 'dist/desktop'].map((dir) =>
    build({ ...node, entryPoints: ['src-main/channels/email/sync/parse-worker.ts'], outfile: `${dir}/email-parse-worker.mjs`, format: 'esm', packages: 'external' }),
  ),
]);
await viteBuild({ configFile: 'src-renderer/vite.config.ts', logLevel: 'warn' });
console.log('Built dist/cli.mjs, dist/sync-server.mjs, dist/desktop/{main,preload}.cjs, the email parse workers and dist/renderer/.');
