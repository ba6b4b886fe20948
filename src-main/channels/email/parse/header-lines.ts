import type { HeaderLines } from 'mailparser';

/**
 * The raw values of one top-level header, unfolded, in message order. Used for the machine headers
 * (Auto-Submitted, Precedence, List-*, Message-ID, Date) whose exact text matters more than
 * mailparser's interpretation of it.
 */
export function headerValues(lines: HeaderLines, name: string): string[] {
  const key = name.toLowerCase();
  return lines
    .filter((line) => line.key === key)
    .map((line) => line.line.slice(line.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim());
}

export function firstHeader(lines: HeaderLines, name: string): string | null {
  return headerValues(lines, name)[0] ?? null;
}
