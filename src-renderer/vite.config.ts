import { defineConfig } from 'vite';

const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

// No @vitejs/plugin-react: esbuild's automatic JSX runtime is all the renderer needs.
export default defineConfig({
  root,
  base: './',
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    // Loaded from disk or localhost, never over a slow network; the phone-number metadata alone is ~150 kB.
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      // Zod ships comments Rollup cannot place; the warning is about a dependency and says nothing to act on.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return;
        warn(warning);
      },
    },
  },
});
