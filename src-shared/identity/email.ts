export interface NormalizedEmail {
  input: string;
  address: string | null;
  error: string | null;
}

// Deliberately loose: RFC 5322 allows far more than any validator accepts, and a customer's odd but
// working address must never be rejected. It only has to be one address with a local part and a domain.
const ADDRESS = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]+$/;

/**
 * Lowercases the whole address. The local part is case-sensitive in theory, but no mail provider a
 * customer uses treats it so, and two spellings of one address must resolve to one contact.
 */
export function normalizeEmail(input: string): NormalizedEmail {
  let address = input.trim();
  const angle = /<([^<>]*)>\s*$/.exec(address);
  if (angle?.[1] !== undefined) address = angle[1].trim();
  address = address.replace(/^mailto:/i, '').toLowerCase();
  if (!ADDRESS.test(address)) return { input, address: null, error: 'not an email address' };
  return { input, address, error: null };
}
