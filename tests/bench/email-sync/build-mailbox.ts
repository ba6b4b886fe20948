import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ImapFlow } from 'imapflow';

/** Every .eml of the shared corpus, read in place (never copied into the repository). */
export function corpusMessages(corpusDir: string): Buffer[] {
  const out: Buffer[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.eml')) out.push(readFileSync(full));
    }
  };
  walk(corpusDir);
  return out;
}

/**
 * A copy of a message with its own Message-ID, so that repeating the corpus makes new messages
 * rather than copies that Switchboard would rightly file once.
 */
export function withMessageId(raw: Buffer, messageId: string): Buffer {
  const text = raw.toString('latin1');
  const headerEnd = text.search(/\r?\n\r?\n/);
  const head = headerEnd === -1 ? text : text.slice(0, headerEnd);
  const rest = headerEnd === -1 ? '' : text.slice(headerEnd);
  const newline = head.includes('\r\n') ? '\r\n' : '\n';
  const stripped = head.replace(/^message-id:.*(?:\r?\n[ \t].*)*\r?\n?/im, '');
  return Buffer.from(`Message-ID: <${messageId}>${newline}${stripped}${rest}`, 'latin1');
}

/** Fills INBOX with `count` messages cycled from the corpus; returns their total size in bytes. */
export async function appendCorpus(client: ImapFlow, corpus: readonly Buffer[], count: number): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const message = withMessageId(corpus[i % corpus.length] as Buffer, `bench-${i}@switchboard.test`);
    bytes += message.length;
    await client.append('INBOX', message);
  }
  return bytes;
}
