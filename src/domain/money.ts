// R-MONEY: BYN as integer kopecks; VAT part of a line is A·p/(100+p), rounded half-up per line.
import { DomainError } from './errors.js';

export function vatPart(amount: number, vatPercent: number): number {
  // Integer arithmetic: round half-up of amount*p/(100+p), symmetric for negative lines.
  const sign = amount < 0 ? -1 : 1;
  const a = Math.abs(amount);
  const den = 100 + vatPercent;
  return sign * Math.floor((2 * a * vatPercent + den) / (2 * den));
}

/** `123,45`, `123.45`, `123` → 12345 kopecks; anything else is a DomainError('money.invalid'). */
export function parseAmount(input: string): number {
  const s = input
    .trim()
    .replace(/\s|\u00a0/g, '')
    .replace(/(руб\.?|byn|br)$/i, '');
  const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) throw new DomainError('money.invalid');
  const kopecks = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0') || 0);
  return kopecks;
}

/** 1234 → `12,34 руб.` (the bot's formatting lives in src/bot/format.ts and uses this). */
export function formatMoney(kopecks: number, currency = 'руб.'): string {
  const sign = kopecks < 0 ? '-' : '';
  const a = Math.abs(kopecks);
  const rub = Math.floor(a / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${sign}${rub},${String(a % 100).padStart(2, '0')} ${currency}`;
}
