import { describe, expect, it } from 'vitest';
import { contactMatchQuery, messageMatchQuery } from '../../../src-main/core/search/fts-query';

describe('messageMatchQuery', () => {
  it('quotes every term and makes the last a prefix', () => {
    expect(messageMatchQuery('water heat')).toBe('"water" "heat"*');
  });

  it('turns FTS syntax in user input into plain words', () => {
    expect(messageMatchQuery('body:leak OR "gate" NEAR(x)')).toBe('"body:leak" "OR" "gate" "NEAR(x)"*');
  });

  it('returns null when nothing searchable is left', () => {
    expect(messageMatchQuery(' " - ')).toBeNull();
  });
});

describe('contactMatchQuery', () => {
  it('searches a typed phone number by its digits', () => {
    expect(contactMatchQuery('(212) 555-0147')).toBe('"2125550147"');
    expect(contactMatchQuery('555-01')).toBe('"55501"');
  });

  it('drops terms shorter than a trigram', () => {
    expect(contactMatchQuery('Jo Gonz')).toBe('"Gonz"');
    expect(contactMatchQuery('Jo')).toBeNull();
  });
});
