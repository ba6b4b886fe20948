import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../../src-shared/identity/email';

describe('normalizeEmail', () => {
  it('lowercases and trims', () => {
    expect(normalizeEmail('  Maria.Gonzalez@Example.COM ').address).toBe('maria.gonzalez@example.com');
  });

  it('takes the address out of a display-name form and mailto links', () => {
    expect(normalizeEmail('"Gonzalez, Maria" <Maria@Example.com>').address).toBe('maria@example.com');
    expect(normalizeEmail('mailto:Tom@BeckerPM.example').address).toBe('tom@beckerpm.example');
  });

  it('keeps plus addressing and dots, which mail providers deliver differently', () => {
    expect(normalizeEmail('j.lee+orders@sunrisecafe.example').address).toBe('j.lee+orders@sunrisecafe.example');
  });

  it('rejects what is not one address', () => {
    for (const bad of ['maria', 'maria@', '@example.com', 'a@b', 'two words@example.com', 'a@example.com, b@example.com']) {
      expect(normalizeEmail(bad)).toMatchObject({ address: null, error: 'not an email address' });
    }
  });
});
