import { describe, expect, it } from 'vitest';
import { segmentMeter } from '../../../src-renderer/composer/sms/segment-meter';

describe('the SMS composer meter', () => {
  it('says nothing for an empty text, then segments, room left, encoding and price', () => {
    expect(segmentMeter('', 0.0079)).toEqual({ text: '', tooLong: null });
    expect(segmentMeter('On my way', 0.0079).text).toBe('1 segment · 151 left · GSM-7 · ≈ $0.0079');
    expect(segmentMeter('a'.repeat(200), null).text).toBe('2 segments · 106 left · GSM-7');
  });

  it('names the characters that forced UCS-2 and refuses text over the cap', () => {
    expect(segmentMeter('Friday 8–10am', null).text).toBe('1 segment · 57 left · UCS-2 · because of “–”');
    expect(segmentMeter('a'.repeat(1601), null).tooLong).toBe('A text is at most 1,600 characters (1,601 now).');
  });
});
