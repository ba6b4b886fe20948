/**
 * Epoch ms of a Date header, or null. mailparser substitutes the current time for a date it cannot
 * read, which would file a years-old message as new, so the header is read here instead. Comments
 * and the spaces some mailers put around the time's colons are removed first; what V8 still cannot
 * read is unreadable.
 */
export function readDateHeader(header: string | null): number | null {
  if (header === null) return null;
  const cleaned = header
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s*:\s*/g, ':')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '') return null;
  const ms = Date.parse(cleaned);
  return Number.isNaN(ms) ? null : ms;
}
