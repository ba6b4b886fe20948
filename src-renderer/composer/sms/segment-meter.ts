import { countSegments, estimatePrice, MAX_SMS_CHARACTERS } from '../../../src-shared/sms/segments';

/** The line under the text: how many segments it costs, in which encoding, and the estimated price. */
export function segmentMeter(body: string, pricePerSegment: number | null): { text: string; tooLong: string | null } {
  const count = countSegments(body);
  if (count.characters === 0) return { text: '', tooLong: null };
  const parts = [`${count.segments} segment${count.segments === 1 ? '' : 's'}`, `${count.remainingInSegment} left`, count.encoding];
  const price = estimatePrice(count, pricePerSegment);
  if (price !== null) parts.push(`≈ $${price.toFixed(4)}`);
  if (count.encoding === 'UCS-2') parts.push(`because of ${count.nonGsmCharacters.slice(0, 3).map((c) => `“${c}”`).join(' ')}`);
  const tooLong = count.overLimit ? `A text is at most ${MAX_SMS_CHARACTERS.toLocaleString('en-US')} characters (${count.characters.toLocaleString('en-US')} now).` : null;
  return { text: parts.join(' · '), tooLong };
}
