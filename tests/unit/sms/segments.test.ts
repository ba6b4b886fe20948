import { describe, expect, it } from 'vitest';
import { countSegments, estimatePrice, MAX_SMS_CHARACTERS } from '../../../src-shared/sms/segments';

describe('SMS segment count', () => {
  it('fits 160 GSM-7 characters in one segment and splits the 161st into two of 153', () => {
    expect(countSegments('a'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1, units: 160, remainingInSegment: 0 });
    expect(countSegments('a'.repeat(161))).toMatchObject({ segments: 2, unitsPerSegment: 153, remainingInSegment: 153 * 2 - 161 });
    expect(countSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts the extension table as two septets and never splits an escape pair', () => {
    expect(countSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('€'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
    // 152 plain septets then an escape pair: the pair does not fit in the one septet left, so it opens part two.
    const text = `${'a'.repeat(152)}{${'a'.repeat(10)}`;
    expect(countSegments(text)).toMatchObject({ units: 164, segments: 2, remainingInSegment: 153 - 12 });
  });

  it('keeps accented letters of the GSM alphabet in GSM-7 but switches to UCS-2 for anything else', () => {
    expect(countSegments('Ça coûte 20 £, à 9h?').encoding).toBe('UCS-2');
    expect(countSegments('Où êtes-vous').nonGsmCharacters).toEqual(['ê']);
    expect(countSegments('Ñandu Ø é è ù ì ò Ä Ö Ü ß ¿¡').encoding).toBe('GSM-7');
    expect(countSegments('Smart quote ’ breaks it')).toMatchObject({ encoding: 'UCS-2', nonGsmCharacters: ['’'] });
  });

  it('counts UCS-2 in UTF-16 units: 70 alone, 67 per part, surrogate pairs kept whole', () => {
    expect(countSegments('ж'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1, units: 70 });
    expect(countSegments('ж'.repeat(71))).toMatchObject({ segments: 2, unitsPerSegment: 67 });
    expect(countSegments('😀'.repeat(35))).toMatchObject({ units: 70, segments: 1, characters: 35 });
    // 66 units then an emoji (2 units): the pair does not fit in the one unit left.
    expect(countSegments(`${'ж'.repeat(66)}😀ж`)).toMatchObject({ units: 69, segments: 1 });
    expect(countSegments(`${'ж'.repeat(66)}😀${'ж'.repeat(3)}`)).toMatchObject({ units: 71, segments: 2, remainingInSegment: 67 - 5 });
  });

  it('flags text over the 1,600-character cap and counts nothing for empty text', () => {
    expect(countSegments('a'.repeat(MAX_SMS_CHARACTERS)).overLimit).toBe(false);
    expect(countSegments('a'.repeat(MAX_SMS_CHARACTERS + 1))).toMatchObject({ overLimit: true, segments: 11 });
    expect(countSegments('')).toMatchObject({ segments: 0, units: 0, overLimit: false });
  });

  it('prices the segments at the workspace rate, or not at all without one', () => {
    expect(estimatePrice(countSegments('a'.repeat(161)), 0.0079)).toBe(0.0158);
    expect(estimatePrice(countSegments('hi'), null)).toBeNull();
  });
});
