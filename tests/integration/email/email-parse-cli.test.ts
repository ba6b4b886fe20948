import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../support/temp-dir';
import { corpusFiles, corpusPath, repoRoot } from '../../unit/email/email-corpus';

/** Runs the CLI from source the way the bin runs the bundle, with real argv, output and exit code. */
function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/host/cli/entry.ts', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, lines: result.stdout.split('\n').filter(Boolean), stderr: result.stderr };
}

const KEYS = ['file', 'from', 'to', 'cc', 'subject', 'date', 'messageId', 'inReplyTo', 'references', 'text', 'hasHtml', 'attachments', 'bounce', 'autoReply', 'error'];

describe('switchboard email parse', () => {
  const tempDir = useTempDirs();

  it('prints one JSON line per file, in order, an error for each bad one, and exits 1', () => {
    const dir = tempDir();
    const empty = path.join(dir, 'empty.eml');
    const garbage = path.join(dir, 'garbage.eml');
    writeFileSync(empty, '');
    writeFileSync(garbage, Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0a, 0x89, 0x50, 0x4e, 0x47]));
    const missing = path.join(dir, 'missing.eml');
    const files = [
      corpusPath('sisimai-bounces/lhost-postfix-01.eml'),
      missing,
      corpusPath('mail-gem/attachment_emails/attachment_with_quoted_filename.eml'),
      empty,
      garbage,
      corpusPath('notmuch-lkml/thread01/002.eml'),
    ];
    const { status, lines } = cli(['email', 'parse', ...files, '--json']);
    expect(status).toBe(1);
    const rows = lines.map((line) => JSON.parse(line));
    expect(rows.map((row) => row.file)).toEqual(files);
    for (const row of rows) expect(Object.keys(row)).toEqual(KEYS);

    const [bounce, notFound, attachment, emptyRow, garbageRow, reply] = rows;
    expect(bounce).toMatchObject({
      from: 'mailer-daemon@p351355.pool.example.ne.jp',
      to: ['shironeko@mx.example.jp'],
      subject: 'Undelivered Mail Returned to Sender',
      date: '2013-04-29T14:45:32.000Z',
      hasHtml: false,
      bounce: { status: '5.1.1', recipient: 'kijitora@example.org', diagnostic: expect.stringContaining('No such user') },
      autoReply: false,
      error: null,
    });
    expect(notFound).toMatchObject({ from: null, subject: null, attachments: [], bounce: null, error: expect.stringContaining('ENOENT') });
    expect(attachment.subject).toBe('Eelanalüüsi päring');
    expect(attachment.attachments).toEqual([
      { filename: 'Eelanalüüsi päring.jpg', contentType: 'image/jpeg', size: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    expect(emptyRow.error).toBe('empty message');
    expect(garbageRow.error).toContain('not an email');
    expect(reply).toMatchObject({ inReplyTo: expect.stringMatching(/^<.+>$/), error: null });
    expect(reply.references.length).toBeGreaterThan(0);
  });

  it('parses the whole corpus: 187 lines, no errors, exit 0', () => {
    const files = corpusFiles();
    const { status, lines } = cli(['email', 'parse', ...files.map(corpusPath), '--json']);
    expect(status).toBe(0);
    expect(lines).toHaveLength(187);
    const rows = lines.map((line) => JSON.parse(line));
    expect(rows.filter((row) => row.error !== null)).toEqual([]);
    expect(rows.filter((row) => row.date !== null && Number.isNaN(Date.parse(row.date)))).toEqual([]);
    expect(rows.find((row) => row.file.endsWith('multi_charset/japanese_iso_2022.eml')).subject).toBe('まみむめも');
  });

  it('prints a short readable line per file without --json', () => {
    const { status, lines } = cli(['email', 'parse', corpusPath('sisimai-bounces/lhost-qmail-01.eml')]);
    expect(status).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('failure notice');
    expect(lines[0]).toContain('bounce 5.5.0 for kijitora@example.ne.jp');
  });

  it('explains usage when no file is given', () => {
    const { status, stderr } = cli(['email', 'parse', '--json']);
    expect(status).toBe(2);
    expect(stderr).toContain('switchboard email parse FILE...');
  });
});
