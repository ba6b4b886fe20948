import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds a resource shipped beside the code. Source files (tests, tsx) and the bundle in `dist/` sit at
 * different depths below the package root, so the search walks up from the calling module.
 */
export function findUp(fromModuleUrl: string, relative: string, marker = relative): string | null {
  let dir = path.dirname(fileURLToPath(fromModuleUrl));
  for (;;) {
    if (existsSync(path.join(dir, marker))) return path.join(dir, relative);
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
