export interface SnippetPart {
  text: string;
  marked: boolean;
}

/** Search snippets mark each match as [[match]]; an unclosed [[ is shown as plain text. */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const open = rest.indexOf('[[');
    const close = open === -1 ? -1 : rest.indexOf(']]', open + 2);
    if (open === -1 || close === -1) {
      parts.push({ text: rest, marked: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), marked: false });
    parts.push({ text: rest.slice(open + 2, close), marked: true });
    rest = rest.slice(close + 2);
  }
  return parts;
}
