import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src-main/core/store/open-store';
import { openSharedDocs, type SharedDocs } from '../../../src-main/core/sync/shared-docs';
import { monthsOf } from '../../../src-shared/sync/workspace-doc';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function openedMonths(docs: SharedDocs): string[] {
  const opened: string[] = [];
  docs.onRoom((room) => {
    if (room.kind === 'timeline') opened.push(room.month);
  });
  return opened;
}

describe('shared documents on a PC with no team', () => {
  it('open the listed months newest first, one per turn of the event loop, and stop when closed', async () => {
    const store = openStore(path.join(tempDir(), 'switchboard.db'));
    cleanups.push(() => store.close());
    const docs = openSharedDocs(store.sqlite, 'northside', null);
    const months = ['2026-08', '2026-09', '2026-10', '2026-11'];
    docs.workspace.transact(() => {
      for (const month of months) monthsOf(docs.workspace).set(month, true);
    });
    const opened = openedMonths(docs);
    docs.followMonths();
    expect(opened).toEqual(['2026-11']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(opened).toEqual(['2026-11', '2026-10']);
    docs.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(opened).toEqual(['2026-11', '2026-10']);
  });
});
