// Measures mailparser (simpleParser) against postal-mime over the whole shared email corpus, the
// measurement issue 4 asks for before choosing one. Only the chosen library stays installed, so
// both are loaded by a computed name: install the other one for a run (without saving it), e.g.
//   npm install --no-save postal-mime@4.0.0 && npx tsx tests/bench/email-parse/compare-parsers.ts
import { corpusFiles, readCorpusFile } from '../../unit/email/email-corpus';

/** What both libraries are asked for, reduced to the fields compared. */
interface Summary {
  subject: string;
  text: string;
  hasHtml: boolean;
  date: string | null;
  attachments: { filename: string; contentType: string; size: number }[];
}

type Parse = (raw: Buffer) => Promise<Summary>;

interface Outcome {
  file: string;
  bytes: number;
  summary: Summary | null;
  error: string | null;
}

const ROUNDS = 5;
// Strings a correct decoder leaves behind only when the message itself is broken.
const UNDECODED_WORD = /=\?[^?]+\?[bq]\?/i;
const REPLACEMENT = '\uFFFD';

async function load(name: string): Promise<Record<string, unknown>> {
  try {
    return (await import(name)) as Record<string, unknown>;
  } catch {
    throw new Error(`${name} is not installed: npm install --no-save ${name} to run the comparison`);
  }
}

async function mailparser(): Promise<Parse> {
  const { simpleParser } = (await load('mailparser')) as {
    simpleParser: (raw: Buffer, options: object) => Promise<{
      subject?: string;
      text?: string;
      html?: string | false;
      date?: Date;
      attachments: { filename?: string; contentType: string; size: number }[];
    }>;
  };
  return async (raw) => {
    const mail = await simpleParser(raw, { keepCidLinks: true, skipTextToHtml: true });
    return {
      subject: mail.subject ?? '',
      text: mail.text ?? '',
      hasHtml: typeof mail.html === 'string',
      date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null,
      attachments: mail.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, size: a.size })),
    };
  };
}

async function postalMime(): Promise<Parse> {
  const PostalMime = (await load('postal-mime')).default as {
    parse: (raw: Buffer) => Promise<{
      subject?: string;
      text?: string;
      html?: string;
      date?: string;
      attachments: { filename: string | null; mimeType: string; content: ArrayBuffer | Uint8Array | string }[];
    }>;
  };
  return async (raw) => {
    const mail = await PostalMime.parse(raw);
    const date = mail.date ? new Date(mail.date) : null;
    return {
      subject: mail.subject ?? '',
      text: mail.text ?? '',
      hasHtml: typeof mail.html === 'string',
      date: date && !Number.isNaN(date.getTime()) ? date.toISOString() : null,
      attachments: mail.attachments.map((a) => ({
        filename: a.filename ?? '',
        contentType: a.mimeType,
        size: typeof a.content === 'string' ? a.content.length : a.content.byteLength,
      })),
    };
  };
}

async function runOnce(parse: Parse, corpus: { file: string; raw: Buffer }[]): Promise<{ ms: number; outcomes: Outcome[] }> {
  const outcomes: Outcome[] = [];
  const start = process.hrtime.bigint();
  for (const { file, raw } of corpus) {
    try {
      outcomes.push({ file, bytes: raw.length, summary: await parse(raw), error: null });
    } catch (error) {
      outcomes.push({ file, bytes: raw.length, summary: null, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, outcomes };
}

async function measure(parse: Parse, corpus: { file: string; raw: Buffer }[]) {
  await runOnce(parse, corpus); // warm-up: JIT and lazily loaded charset tables
  const times: number[] = [];
  let outcomes: Outcome[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const run = await runOnce(parse, corpus);
    times.push(run.ms);
    outcomes = run.outcomes;
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)] as number, outcomes };
}

function nonAscii(value: string): boolean {
  return /[^\x00-\x7f]/.test(value);
}

function row(cells: (string | number)[]): string {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(34) : String(c).padStart(12))).join('');
}

const startedAt = new Date(Date.now() - 60_000).toISOString();
const stillRunning = new Date(Date.now() + 600_000).toISOString();
const corpus = corpusFiles().map((file) => ({ file, raw: readCorpusFile(file) }));
const megabytes = corpus.reduce((sum, c) => sum + c.raw.length, 0) / 1e6;
const libraries = { mailparser: await mailparser(), 'postal-mime': await postalMime() };
const results = new Map<string, Awaited<ReturnType<typeof measure>>>();
for (const [name, parse] of Object.entries(libraries)) results.set(name, await measure(parse, corpus));

const names = [...results.keys()];
const stat = (pick: (o: Outcome[], ms: number) => string | number) => names.map((n) => pick(results.get(n)!.outcomes, results.get(n)!.medianMs));
const ok = (o: Outcome[]) => o.flatMap((x) => (x.summary ? [x.summary] : []));

console.log(`${corpus.length} files, ${megabytes.toFixed(2)} MB, median of ${ROUNDS} rounds after a warm-up\n`);
console.log(row(['', ...names]));
console.log(row(['parse time, whole corpus (ms)', ...stat((_, ms) => ms.toFixed(0))]));
console.log(row(['ms per MB', ...stat((_, ms) => (ms / megabytes).toFixed(1))]));
console.log(row(['failures (threw)', ...stat((o) => o.filter((x) => x.error).length)]));
console.log(row(['subjects still holding =?..?=', ...stat((o) => ok(o).filter((s) => UNDECODED_WORD.test(s.subject)).length)]));
console.log(row(['subjects with U+FFFD', ...stat((o) => ok(o).filter((s) => s.subject.includes(REPLACEMENT)).length)]));
console.log(row(['non-ASCII subjects', ...stat((o) => ok(o).filter((s) => nonAscii(s.subject)).length)]));
console.log(row(['texts with U+FFFD', ...stat((o) => ok(o).filter((s) => s.text.includes(REPLACEMENT)).length)]));
console.log(row(['messages with no text at all', ...stat((o) => ok(o).filter((s) => s.text.trim() === '').length)]));
console.log(row(['dates missing or unparseable', ...stat((o) => ok(o).filter((s) => s.date === null).length)]));
// A parser that puts the current time in place of an unreadable Date header hides it as a fresh message.
console.log(row(['dates set to the time of parsing', ...stat((o) => ok(o).filter((s) => s.date !== null && s.date >= startedAt && s.date <= stillRunning).length)]));
console.log(row(['attachments', ...stat((o) => ok(o).reduce((n, s) => n + s.attachments.length, 0))]));
console.log(row(['attachments without a filename', ...stat((o) => ok(o).reduce((n, s) => n + s.attachments.filter((a) => !a.filename).length, 0))]));
console.log(row(['non-ASCII attachment filenames', ...stat((o) => ok(o).reduce((n, s) => n + s.attachments.filter((a) => nonAscii(a.filename)).length, 0))]));

// The disagreements are what a person has to judge by eye: the table above cannot say who is right.
const [a, b] = names as [string, string];
const left = results.get(a)!.outcomes;
const right = results.get(b)!.outcomes;
const differences: string[] = [];
left.forEach((l, i) => {
  const r = right[i]!;
  if (l.error || r.error) {
    differences.push(`${l.file}\n  ${a} error: ${l.error}\n  ${b} error: ${r.error}`);
    return;
  }
  if (l.summary!.subject !== r.summary!.subject) {
    differences.push(`${l.file} subject\n  ${a}: ${JSON.stringify(l.summary!.subject)}\n  ${b}: ${JSON.stringify(r.summary!.subject)}`);
  }
  const names = (s: Summary) => s.attachments.map((x) => x.filename).join(' | ');
  if (names(l.summary!) !== names(r.summary!)) {
    differences.push(`${l.file} attachment names\n  ${a}: ${names(l.summary!)}\n  ${b}: ${names(r.summary!)}`);
  }
  if (l.summary!.text.includes(REPLACEMENT) !== r.summary!.text.includes(REPLACEMENT)) {
    const head = (s: Summary) => JSON.stringify(s.text.slice(0, 80));
    differences.push(`${l.file} text U+FFFD\n  ${a}: ${head(l.summary!)}\n  ${b}: ${head(r.summary!)}`);
  }
});
console.log(`\n${differences.length} disagreements between ${a} and ${b}:\n`);
console.log(differences.join('\n'));
