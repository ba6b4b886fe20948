import type { ResourceDecision } from './resource-url';

const URL_OPEN = 'url("';

/**
 * Rewrites the `url("…")` references of one CSS value as the CSSOM serializes it (the browser has
 * already undone escapes, comments and unquoted forms). `value` is null when any reference may not
 * load: the whole declaration goes, since half a `background` is worse than none.
 */
export function rewriteCssUrls(serialized: string, decide: (url: string) => ResourceDecision): { value: string | null; blocked: boolean } {
  let out = '';
  let rest = serialized;
  let blocked = false;
  for (;;) {
    const open = rest.indexOf(URL_OPEN);
    if (open === -1) return { value: out + rest, blocked };
    const read = readCssString(rest, open + URL_OPEN.length);
    if (read === null || rest[read.end] !== ')') return { value: null, blocked };
    const decision = decide(read.text);
    blocked ||= decision.blocked;
    if (decision.url === null) return { value: null, blocked };
    out += `${rest.slice(0, open)}url("${escapeCssString(decision.url)}")`;
    rest = rest.slice(read.end + 1);
  }
}

/** Reads a double-quoted CSS string body from `start`; `end` is the index after the closing quote. */
function readCssString(source: string, start: number): { text: string; end: number } | null {
  let text = '';
  for (let i = start; i < source.length; i++) {
    const char = source[i]!;
    if (char === '"') return { text, end: i + 1 };
    if (char !== '\\') {
      text += char;
      continue;
    }
    const hex = /^[0-9a-fA-F]{1,6} ?/.exec(source.slice(i + 1, i + 8));
    if (hex) {
      text += String.fromCodePoint(Math.min(parseInt(hex[0], 16), 0x10ffff));
      i += hex[0].length;
    } else {
      text += source[i + 1] ?? '';
      i++;
    }
  }
  return null;
}

function escapeCssString(text: string): string {
  return text.replace(/["\\]/g, (char) => `\\${char}`).replace(/\n/g, '\\a ');
}
