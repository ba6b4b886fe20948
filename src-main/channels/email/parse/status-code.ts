// An RFC 3463 enhanced status code (class.subject.detail), not part of an IP address or version number.
const ENHANCED_STATUS = /(?<![\w.])([245]\.\d{1,3}\.\d{1,3})(?!\.?\d)/;

/** The first enhanced status code in a text, with where it stands. */
export function findEnhancedStatus(text: string): { code: string; index: number } | null {
  const match = ENHANCED_STATUS.exec(text);
  return match?.[1] ? { code: match[1], index: match.index } : null;
}
