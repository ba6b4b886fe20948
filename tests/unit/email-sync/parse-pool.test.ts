import { afterEach, describe, expect, it } from 'vitest';
import { parseEmail } from '../../../src-main/channels/email/parse/parse-email';
import { createParsePool, type ParsePool } from '../../../src-main/channels/email/sync/parse-pool';
import { corpusFiles, readCorpusFile } from '../email/email-corpus';

let pool: ParsePool | null = null;
afterEach(() => pool?.close());

const small = () => readCorpusFile('mail-gem/attachment_emails/attachment_nonascii_filename.eml');

describe('the email parse pool', () => {
  it('parses every corpus message on worker threads exactly as parseEmail does on this thread, in order', async () => {
    pool = createParsePool({ workers: 2, idleMs: 60_000 });
    const files = corpusFiles();
    const pooled = await pool.parse(files.map(readCorpusFile));
    expect(pool.running()).toBe(2);
    expect(pooled).toHaveLength(files.length);
    for (const [i, file] of files.entries()) {
      expect(pooled[i], file).toEqual(await parseEmail(readCorpusFile(file)));
    }
  }, 60_000);

  it('leaves the caller its buffers, even slices of a larger one', async () => {
    pool = createParsePool({ workers: 1, idleMs: 60_000 });
    const raw = small();
    const larger = Buffer.concat([Buffer.from('padding'), raw]);
    const slice = larger.subarray(7);
    const [result] = await pool.parse([slice]);
    expect(result?.ok).toBe(true);
    expect(Buffer.compare(slice, raw)).toBe(0);
  });

  it('parses on this thread when asked for no workers', async () => {
    pool = createParsePool({ workers: 0, idleMs: 60_000 });
    expect(await pool.parse([small(), Buffer.from('not mail')])).toEqual([await parseEmail(small()), await parseEmail(Buffer.from('not mail'))]);
    expect(pool.running()).toBe(0);
  });

  it('refuses what it has not parsed once closed, so no chunk is committed half parsed', async () => {
    pool = createParsePool({ workers: 1, idleMs: 60_000 });
    const parsing = pool.parse(Array.from({ length: 20 }, () => readCorpusFile('php-mime-mail-parser/m0005.eml')));
    pool.close();
    await expect(parsing).rejects.toThrow('The email parser was stopped before these messages were parsed');
    await expect(pool.parse([small()])).rejects.toThrow('The email parser is closed');
  });

  it('ends idle workers and starts them again for the next messages', async () => {
    pool = createParsePool({ workers: 1, idleMs: 50 });
    expect((await pool.parse([small()]))[0]?.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pool.running()).toBe(0);
    expect((await pool.parse([small()]))[0]?.ok).toBe(true);
    expect(pool.running()).toBe(1);
  });
});
