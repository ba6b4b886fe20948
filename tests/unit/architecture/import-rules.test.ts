import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFile, readSourceTree } from '../../architecture/import-rules';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('folder import rules', () => {
  it('hold across the source tree', () => {
    const files = readSourceTree(root);
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(checkFile)).toEqual([]);
  });

  it('catch a renderer reaching into main, and main into the renderer', () => {
    expect(checkFile({ path: 'src-renderer/inbox/list.tsx', text: "import { x } from '../../src-main/core/ids';" })).toEqual([
      expect.objectContaining({ reason: 'src-renderer may not import src-main/core' }),
    ]);
    expect(checkFile({ path: 'src-main/core/a.ts', text: "import x from '../../src-renderer/main';" })[0]?.reason).toBe(
      'src-main/core may not import src-renderer',
    );
  });

  it('keep electron in the desktop folder and Node out of shared code', () => {
    expect(checkFile({ path: 'src-main/host/x.ts', text: "import { app } from 'electron';" })).toHaveLength(1);
    expect(checkFile({ path: 'src-main/desktop/x.ts', text: "import { app } from 'electron';" })).toEqual([]);
    expect(checkFile({ path: 'src-shared/x.ts', text: "import fs from 'node:fs';\nconst p = await import('path');" })).toHaveLength(2);
  });

  it('respect the direction between core and channels', () => {
    expect(checkFile({ path: 'src-main/channels/email/a.ts', text: "import '../../core/ids';" })).toEqual([]);
    expect(checkFile({ path: 'src-main/core/a.ts', text: "export * from '../channels/email/a';" })).toHaveLength(1);
  });

  it('ignore imports that are commented out', () => {
    expect(checkFile({ path: 'src-shared/x.ts', text: "// import fs from 'node:fs';\n/* require('fs') */" })).toEqual([]);
  });
});
