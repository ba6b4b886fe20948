import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs the CLI from source the way the bin runs the bundle, with real argv, stdin and exit codes. */
function cli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/host/cli/entry.ts', ...args], { cwd: root, input, encoding: 'utf8' });
  return { status: result.status, lines: result.stdout.trim().split('\n').filter(Boolean), stderr: result.stderr };
}

describe('switchboard phone normalize', () => {
  it('prints one JSON line per argument, reading national numbers with --region', () => {
    const { status, lines } = cli(['phone', 'normalize', '020 7946 0958 x 22', '+1 (212) 555-0147', '--region', 'gb', '--json']);
    expect(status).toBe(0);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { input: '020 7946 0958 x 22', e164: '+442079460958', extension: '22', valid: true, region: 'GB', error: null },
      { input: '+1 (212) 555-0147', e164: '+12125550147', extension: null, valid: true, region: 'US', error: null },
    ]);
  });

  it('reads stdin one per line, flags invalid numbers and exits 2 on unparseable input', () => {
    const { status, lines } = cli(['phone', 'normalize', '--json'], '(212) 555-0147\n+1 200 555 0100\nnot a number\n');
    expect(status).toBe(2);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { input: '(212) 555-0147', e164: '+12125550147', extension: null, valid: true, region: 'US', error: null },
      { input: '+1 200 555 0100', e164: '+12005550100', extension: null, valid: false, region: null, error: null },
      { input: 'not a number', e164: null, extension: null, valid: false, region: null, error: 'not a phone number' },
    ]);
  });

  it('exits 0 when every input parsed, even if some are invalid', () => {
    expect(cli(['phone', 'normalize', '+1 200 555 0100', '--json']).status).toBe(0);
  });

  it('explains usage on an unknown command', () => {
    const { status, stderr } = cli(['phone', 'format']);
    expect(status).toBe(2);
    expect(stderr).toContain('switchboard phone normalize');
  });
});
