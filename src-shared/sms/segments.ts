/**
 * How many SMS segments a text costs, the way carriers count it (3GPP TS 23.038): GSM-7 when every
 * character is in the GSM 03.38 alphabet or its extension table (which costs two septets: ESC plus
 * the character), UCS-2 otherwise. A concatenated message loses room to its header in every part:
 * 153 septets or 67 UTF-16 units per segment instead of 160 or 70, and neither an escape pair nor a
 * surrogate pair is split across two parts, so a part may carry one unit less.
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

/** Twilio refuses a body longer than this many characters. */
export const MAX_SMS_CHARACTERS = 1_600;

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  /** Units one segment holds at the current length: 160/70 alone, 153/67 once concatenated. */
  unitsPerSegment: number;
  /** Units still free in the last segment before another one is needed. */
  remainingInSegment: number;
  characters: number;
  /** Over MAX_SMS_CHARACTERS: the text cannot be sent as one message. */
  overLimit: boolean;
  /** The characters that forced UCS-2, each once, so the composer can point at them. */
  nonGsmCharacters: string[];
}

export function countSegments(text: string): SegmentCount {
  const characters = [...text];
  const nonGsm = [...new Set(characters.filter((c) => !BASIC.has(c) && !EXTENSION.has(c)))];
  const encoding: SmsEncoding = nonGsm.length === 0 ? 'GSM-7' : 'UCS-2';
  const costs = characters.map((c) => (encoding === 'UCS-2' ? c.length : EXTENSION.has(c) ? 2 : 1));
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const single = encoding === 'GSM-7' ? 160 : 70;
  const concatenated = encoding === 'GSM-7' ? 153 : 67;
  const base = { encoding, units, characters: characters.length, overLimit: characters.length > MAX_SMS_CHARACTERS, nonGsmCharacters: nonGsm };
  if (units <= single) return { ...base, segments: units === 0 ? 0 : 1, unitsPerSegment: single, remainingInSegment: single - units };
  const { segments, lastUsed } = pack(costs, concatenated);
  return { ...base, segments, unitsPerSegment: concatenated, remainingInSegment: concatenated - lastUsed };
}

/** Fills segments in order; a character that does not fit whole starts the next one. */
function pack(costs: number[], capacity: number): { segments: number; lastUsed: number } {
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > capacity) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { segments, lastUsed: used };
}

/** The price of sending the text once, in the workspace's currency; null when no price is set. */
export function estimatePrice(count: SegmentCount, pricePerSegment: number | null): number | null {
  return pricePerSegment === null ? null : Math.round(count.segments * pricePerSegment * 10_000) / 10_000;
}
