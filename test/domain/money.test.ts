import { describe, expect, it } from 'vitest';
import { formatMoney, parseAmount, vatPart } from '../../src/domain/money.js';

describe('R-MONEY: kopecks, VAT per line rounded half-up', () => {
  it('VAT part of 120,00 at 20 % is 20,00', () => expect(vatPart(12000, 20)).toBe(2000));
  it('rounds half-up per line', () => {
    // 0,03·20/120 = 0,005 → 0,01
    expect(vatPart(3, 20)).toBe(1);
    expect(vatPart(2, 20)).toBe(0);
    expect(vatPart(-3, 20)).toBe(-1);
  });
  it('shows 12,34 руб.', () => {
    expect(formatMoney(1234)).toBe('12,34 руб.');
    expect(formatMoney(123456789)).toBe('1\u00a0234\u00a0567,89 руб.');
    expect(formatMoney(-500)).toBe('-5,00 руб.');
  });
  it('parses typed amounts', () => {
    expect(parseAmount('123,45')).toBe(12345);
    expect(parseAmount('123.4')).toBe(12340);
    expect(parseAmount('7')).toBe(700);
    expect(() => parseAmount('1,234')).toThrow('money.invalid');
    expect(() => parseAmount('-5')).toThrow('money.invalid');
  });
});
