/**
 * Turns what a person typed into FTS5 query strings. User text is never passed to MATCH as syntax:
 * each term is quoted, so quotes, AND/OR/NEAR and column filters in the input are just words.
 */
const PHONE_LIKE = /^[\d\s()+\-.]+$/;

/** Words for the message index: every term must match, the last one as a prefix (search as you type). */
export function messageMatchQuery(input: string): string | null {
  const terms = input
    .split(/\s+/)
    .map((t) => t.replace(/"/g, ''))
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
  if (terms.length === 0) return null;
  return terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}

/**
 * Substrings for the trigram contact index, which needs three characters a term. A phone number typed
 * with punctuation becomes its digits, because identities are indexed as digits.
 */
export function contactMatchQuery(input: string): string | null {
  const trimmed = input.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (PHONE_LIKE.test(trimmed) && digits.length >= 3) return `"${digits}"`;
  const terms = trimmed
    .split(/\s+/)
    .map((t) => t.replace(/"/g, ''))
    .filter((t) => [...t].length >= 3);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t}"`).join(' ');
}
