import { parsePhoneNumberWithError, ParseError, type CountryCode } from 'libphonenumber-js/max';

export interface NormalizedPhone {
  input: string;
  /** E.164 without the extension, or null when the input is not a phone number at all. */
  e164: string | null;
  extension: string | null;
  /** A number that parses but fails the numbering plan is kept for display and never sent to. */
  valid: boolean;
  region: string | null;
  error: string | null;
}

const PARSE_ERRORS: Record<string, string> = {
  INVALID_COUNTRY: 'no country code, and no default region to read it with',
  NOT_A_NUMBER: 'not a phone number',
  TOO_SHORT: 'too short to be a phone number',
  TOO_LONG: 'too long to be a phone number',
  INVALID_LENGTH: 'wrong length for a phone number',
};

/** The `max` metadata is used because validity must reflect the numbering plan, not only the length. */
export function normalizePhone(input: string, defaultRegion: string | null): NormalizedPhone {
  const trimmed = input.trim();
  const failed = (error: string): NormalizedPhone => ({
    input,
    e164: null,
    extension: null,
    valid: false,
    region: null,
    error,
  });
  if (trimmed === '') return failed('empty input');
  try {
    const parsed = parsePhoneNumberWithError(trimmed, (defaultRegion ?? undefined) as CountryCode | undefined);
    return {
      input,
      e164: parsed.number,
      extension: parsed.ext ?? null,
      valid: parsed.isValid(),
      region: parsed.country ?? null,
      error: null,
    };
  } catch (error) {
    if (error instanceof ParseError) return failed(PARSE_ERRORS[error.message] ?? error.message);
    throw error;
  }
}

/**
 * The forms a person types when searching for a number: the E.164 digits, the national digits and the
 * national format, so that "2125550147", "555-0147" and "+1 212" all find the contact.
 */
export function phoneSearchText(e164: string): string {
  try {
    const parsed = parsePhoneNumberWithError(e164);
    return [e164.replace('+', ''), parsed.nationalNumber, parsed.formatNational()].join(' ');
  } catch {
    return e164;
  }
}

export function formatPhoneForDisplay(e164: string): string {
  try {
    return parsePhoneNumberWithError(e164).formatInternational();
  } catch {
    return e164;
  }
}
