import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { normalizePhone } from '../../../src-shared/identity/phone';
import { PHONE_USAGE } from './usage';

/**
 * Normalizes numbers from the arguments, or from stdin one per line. Exit status 2 when any input was
 * not a phone number at all; an invalid but parseable number is reported, not an error.
 */
export async function phoneNormalizeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { region: { type: 'string', default: 'US' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const region = values.region.toUpperCase();
  const inputs = positionals.length > 0 ? positionals : await readLines();
  let unparseable = false;
  for (const input of inputs) {
    const result = normalizePhone(input, region);
    if (result.error) unparseable = true;
    console.log(values.json ? JSON.stringify(result) : humanLine(result));
  }
  return unparseable ? 2 : 0;
}

function humanLine(result: ReturnType<typeof normalizePhone>): string {
  if (result.error) return `${result.input}\terror: ${result.error}`;
  const ext = result.extension ? ` ext. ${result.extension}` : '';
  return `${result.input}\t${result.e164}${ext}\t${result.valid ? 'valid' : 'INVALID'}\t${result.region ?? '-'}`;
}

async function readLines(): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() !== '') lines.push(line);
  }
  return lines;
}
