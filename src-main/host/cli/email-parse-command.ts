import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseEmail } from '../../channels/email/parse/parse-email';
import type { ParsedEmail } from '../../channels/email/parse/parsed-email';
import { EMAIL_PARSE_USAGE } from './usage';

/** One output line. Addresses are bare normalized addresses: `from` one or null, `to` and `cc` lists. */
interface EmailParseLine {
  file: string;
  from: string | null;
  to: string[];
  cc: string[];
  subject: string | null;
  date: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  text: string | null;
  hasHtml: boolean;
  attachments: { filename: string | null; contentType: string; size: number; sha256: string }[];
  bounce: { status: string | null; recipient: string | null; diagnostic: string | null } | null;
  autoReply: boolean;
  error: string | null;
}

/**
 * Parses each file as one raw message and prints one line per file, in order. A file that cannot be
 * read or parsed gets its `error` and the rest are still printed; the exit status is then 1.
 */
export async function emailParseCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) {
    console.error(`No file given.\nUsage: ${EMAIL_PARSE_USAGE}`);
    return 2;
  }
  let failed = false;
  for (const file of positionals) {
    const line = await parseFile(file);
    if (line.error !== null) failed = true;
    console.log(values.json ? JSON.stringify(line) : humanLine(line));
  }
  return failed ? 1 : 0;
}

async function parseFile(file: string): Promise<EmailParseLine> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (error) {
    return failedLine(file, `cannot read the file: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = await parseEmail(raw);
  return result.ok ? toLine(file, result.email) : failedLine(file, result.error);
}

function toLine(file: string, email: ParsedEmail): EmailParseLine {
  return {
    file,
    from: email.from?.address ?? null,
    to: email.to.map((a) => a.address),
    cc: email.cc.map((a) => a.address),
    subject: email.subject,
    date: email.date === null ? null : new Date(email.date).toISOString(),
    messageId: email.messageId,
    inReplyTo: email.inReplyTo,
    references: email.references,
    text: email.text,
    hasHtml: email.html !== null,
    attachments: email.attachments.map(({ filename, contentType, size, sha256 }) => ({ filename, contentType, size, sha256 })),
    bounce: email.bounce && { status: email.bounce.status, recipient: email.bounce.recipient, diagnostic: email.bounce.diagnostic },
    autoReply: email.autoReply,
    error: null,
  };
}

function failedLine(file: string, error: string): EmailParseLine {
  return {
    file,
    from: null,
    to: [],
    cc: [],
    subject: null,
    date: null,
    messageId: null,
    inReplyTo: null,
    references: [],
    text: null,
    hasHtml: false,
    attachments: [],
    bounce: null,
    autoReply: false,
    error,
  };
}

function humanLine(line: EmailParseLine): string {
  if (line.error !== null) return `${line.file}\terror: ${line.error}`;
  const notes = [
    `${line.attachments.length} attachment${line.attachments.length === 1 ? '' : 's'}`,
    ...(line.bounce ? [`bounce ${line.bounce.status ?? '?'} for ${line.bounce.recipient ?? '?'}`] : []),
    ...(line.autoReply ? ['auto-reply'] : []),
  ];
  return [line.file, line.date ?? '-', line.from ?? '-', line.subject ?? '(no subject)', notes.join(', ')].join('\t');
}
