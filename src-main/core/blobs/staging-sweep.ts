import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** A staged file nobody has written to for this long belongs to no upload or blob write still going on. */
export const STALE_STAGING_MS = 24 * 60 * 60 * 1000;

/**
 * Removes what the staging folder holds from work that will not finish: an attachment upload left
 * midway (the composer closed, the PC restarted) or a blob write a crash cut off before its rename.
 * Each of those is started again from the beginning, so nothing stored is lost. Returns how many files
 * went; a file that cannot be read or removed is left for the next start.
 */
export async function sweepStaging(stagingDir: string, now = Date.now()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(stagingDir).catch(() => [])) {
    const file = path.join(stagingDir, name);
    const stale = await stat(file).then((s) => s.isFile() && now - s.mtimeMs > STALE_STAGING_MS, () => false);
    if (stale && (await rm(file).then(() => true, () => false))) removed += 1;
  }
  return removed;
}
