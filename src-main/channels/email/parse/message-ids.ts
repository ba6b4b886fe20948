const BRACKETED = /<[^<>\s]+>/g;

/**
 * The Message-ID in its bracketed form. A few senders omit the brackets; the bare value is still the
 * only handle their replies can point at, so it is bracketed rather than dropped.
 */
export function readMessageId(header: string | null): string | null {
  if (header === null) return null;
  const bracketed = header.match(BRACKETED)?.[0];
  if (bracketed) return bracketed;
  const bare = header.trim().split(/\s+/)[0];
  return bare ? `<${bare}>` : null;
}

/** Only bracketed ids count in References and In-Reply-To: old clients put phrases and dates there too. */
export function readMessageIdList(headers: string[]): string[] {
  return [...new Set(headers.flatMap((header) => header.match(BRACKETED) ?? []))];
}
