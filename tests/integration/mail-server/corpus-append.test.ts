import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useMailServer } from '../../support/mail-server/use-mail-server';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// Read in place, never copied or changed (see /work/shared/DESIGN.md, "Testing with real parts").
const corpusDir = path.resolve(repoRoot, '../shared/corpus/email');

function corpusFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.eml'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Dovecot stores maildir lines with LF and serves them with CRLF, whatever the client appended;
 * stray CRs before a line end go too (sisimai-bounces/lhost-dragonfly-01.eml has "\r\r\n").
 */
function asDovecotServesIt(bytes: Buffer): Buffer {
  return Buffer.from(bytes.toString('latin1').replace(/\r*\n/g, '\r\n'), 'latin1');
}

function messageIdHeader(bytes: Buffer): string | null {
  const head = bytes.toString('latin1').split(/\r?\n\r?\n/, 1)[0] ?? '';
  const match = /^message-id:\s*(?:\r?\n[ \t]+)?(<[^>\r\n]*>)/im.exec(head);
  return match?.[1] ?? null;
}

const mail = useMailServer('all');

describe('the real email corpus in the harness Dovecot', () => {
  const files = corpusFiles(corpusDir);

  it('finds all 187 corpus messages', () => {
    expect(files).toHaveLength(187);
  });

  it('APPENDs every corpus message to INBOX and FETCHes back the same bytes', async () => {
    const originals = files.map((file) => ({ file, bytes: readFileSync(file) }));
    const started = Date.now();
    const uids: number[] = [];
    for (const { file, bytes } of originals) {
      const appended = await mail.client.append('INBOX', bytes, ['\\Seen']);
      if (!appended || !appended.uid) throw new Error(`APPEND of ${path.relative(corpusDir, file)} was refused`);
      uids.push(appended.uid);
    }
    const appendMs = Date.now() - started;

    const fetched = new Map<number, { source: Buffer; size: number; messageId: string | undefined }>();
    const lock = await mail.client.getMailboxLock('INBOX');
    try {
      expect(mail.client.mailbox && mail.client.mailbox.exists).toBe(187);
      for await (const message of mail.client.fetch('1:*', { uid: true, source: true, size: true, envelope: true }, { uid: true })) {
        fetched.set(message.uid, { source: message.source!, size: message.size!, messageId: message.envelope?.messageId });
      }
    } finally {
      lock.release();
    }
    const totalMs = Date.now() - started;

    expect(fetched.size).toBe(187);
    expect(new Set(uids).size).toBe(187);
    const mismatches: string[] = [];
    let messageIdsCompared = 0;
    originals.forEach(({ file, bytes }, i) => {
      const name = path.relative(corpusDir, file);
      const got = fetched.get(uids[i]!);
      if (!got) return void mismatches.push(`${name}: UID ${uids[i]} not fetched`);
      const expected = asDovecotServesIt(bytes);
      if (!got.source.equals(expected)) mismatches.push(`${name}: ${got.source.length} bytes fetched, ${expected.length} expected`);
      if (got.size !== got.source.length) mismatches.push(`${name}: RFC822.SIZE ${got.size} but ${got.source.length} bytes`);
      const id = messageIdHeader(bytes);
      if (id === null) return;
      messageIdsCompared++;
      if (got.messageId !== id) mismatches.push(`${name}: Message-ID ${got.messageId} instead of ${id}`);
    });
    expect(mismatches).toEqual([]);
    expect(messageIdsCompared).toBeGreaterThan(150);

    // The same messages are on disk in the user's maildir, where sync-recovery tests can reach them.
    const maildir = mail.server.maildir(mail.server.users[0]!.user);
    const onDisk = ['cur', 'new'].flatMap((sub) => readdirSync(path.join(maildir, sub)));
    expect(onDisk).toHaveLength(187);

    expect(totalMs, `APPEND took ${appendMs} ms, APPEND+FETCH ${totalMs} ms`).toBeLessThan(10_000);
  }, 30_000);
});
