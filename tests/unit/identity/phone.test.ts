import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneSearchText } from '../../../src-shared/identity/phone';

describe('normalizePhone', () => {
  it('reads a national number with the workspace region', () => {
    expect(normalizePhone('(212) 555-0147', 'US')).toMatchObject({ e164: '+12125550147', valid: true, region: 'US', error: null });
  });

  it('keeps an extension apart from the E.164 number', () => {
    expect(normalizePhone('212-555-0147 ext. 12', 'US')).toMatchObject({ e164: '+12125550147', extension: '12' });
  });

  it('uses the region only when the number has no country code', () => {
    expect(normalizePhone('+44 20 7946 0958', 'US')).toMatchObject({ e164: '+442079460958', region: 'GB', valid: true });
    expect(normalizePhone('020 7946 0958', 'GB')).toMatchObject({ e164: '+442079460958', valid: true });
  });

  it('flags a number that parses but is not valid in its numbering plan', () => {
    const result = normalizePhone('+1 200 555 0100', 'US');
    expect(result.e164).toBe('+12005550100');
    expect(result.valid).toBe(false);
    expect(result.error).toBeNull();
  });

  it('gives a clear error for input that is not a phone number', () => {
    expect(normalizePhone('call me maybe', 'US')).toMatchObject({ e164: null, valid: false, error: 'not a phone number' });
    expect(normalizePhone('   ', 'US').error).toBe('empty input');
  });

  it('asks for a region when a national number has none', () => {
    expect(normalizePhone('2125550147', null).error).toMatch(/no country code/);
  });
});

describe('phoneSearchText', () => {
  it('holds the digit and national forms people type', () => {
    const text = phoneSearchText('+12125550147');
    expect(text).toContain('12125550147');
    expect(text).toContain('2125550147');
    expect(text).toContain('(212) 555-0147');
  });
});
