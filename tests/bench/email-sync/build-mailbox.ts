import type { ImapFlow } from 'imapflow';

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

/** `count` messages cycled from the corpus, each with a Message-ID of its own. */
export function benchMessages(corpus: readonly Buffer[], count: number): Buffer[] {
  return Array.from({ length: count }, (_, i) => withMessageId(corpus[i % corpus.length]!, `bench-${i}@switchboard.test`));
}

export async function appendToInbox(client: ImapFlow, messages: readonly Buffer[]): Promise<void> {
  for (const message of messages) await client.append('INBOX', message);
}
