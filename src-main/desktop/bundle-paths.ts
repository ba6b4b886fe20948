import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where the other build outputs sit relative to the bundled main (dist/desktop/main.cjs): the preload
 * beside it and the renderer in dist/renderer. Kept in one place so the window, the navigation
 * guard and the IPC sender check agree on the same file.
 */
export interface BundlePaths {
  preload: string;
  rendererIndex: string;
  /** The renderer's file:// URL, the only page trusted with the API. */
  rendererUrl: string;
}

export function bundlePaths(bundleDir: string): BundlePaths {
  const rendererIndex = path.join(bundleDir, '..', 'renderer', 'index.html');
  return {
    preload: path.join(bundleDir, 'preload.cjs'),
    rendererIndex,
    rendererUrl: pathToFileURL(rendererIndex).href,
  };
}
