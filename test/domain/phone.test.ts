import { describe, expect, it } from 'vitest';
import { formatPhone, maskShape, normalizePhone, parseMask } from '../../src/domain/phone.js';

describe('R-PHONE: typed numbers are normalised to 375XXXXXXXXX', () => {
  it.each([
    ['+375 29 123-45-67', '375291234567'],
    ['375291234567', '375291234567'],
    ['80291234567', '375291234567'],
    ['(29) 123 45 67', '375291234567'],
    ['291234567', '375291234567'],
  ])('%s → %s', (input, out) => expect(normalizePhone(input)).toBe(out));

  it.each(['12345', '+7 912 123 45 67', 'abc', '', '29123456789'])('refuses %s', (input) => {
    expect(() => normalizePhone(input)).toThrow('phone.invalid');
  });

  it('shows numbers as +375 29 123-45-67', () => expect(formatPhone('375291234567')).toBe('+375 29 123-45-67'));
});

describe('R-SUB-SEARCH / R-NUM-MASK: masks are anchored over the nine digits', () => {
  it('prefix mask means «starts with»', () => expect(parseMask('29%').like).toBe('37529%'));
  it('accepts a typed number with the country code and `_`', () => {
    expect(parseMask('+375 29 100-00-0_').mask).toBe('29100000_');
    expect(parseMask('29100000_').like).toBe('37529100000_');
  });
  it('empty mask is everything', () => expect(parseMask('  ').mask).toBe('%'));
  it('refuses letters and SQL', () => expect(() => parseMask("29' or 1=1")).toThrow('phone.maskChars'));
  it('refuses more than nine digits', () => expect(() => parseMask('2912345678%')).toThrow('phone.maskTooLong'));
  it('a mask without % must cover all nine positions', () =>
    expect(() => parseMask('2912')).toThrow('phone.maskTooShort'));
  it('classifies shapes for the index choice', () => {
    expect(maskShape('%')).toBe('all');
    expect(maskShape('29%')).toBe('prefix');
    expect(maskShape('%77')).toBe('suffix');
    expect(maskShape('%777%')).toBe('inner');
    expect(maskShape('291234567')).toBe('exact');
  });
});
