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
  },
});
