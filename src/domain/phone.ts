// R-PHONE and the masks of R-SUB-SEARCH / R-NUM-MASK: typed numbers and masks normalised to the nine
// national digits after +375, and masks turned into anchored, escaped SQL LIKE patterns.
import { DomainError } from './errors.js';

export const COUNTRY_CODE = '375';

/** Drops spaces, dashes, dots and brackets, then a leading +375, 375 or 80. */
export function stripNational(input: string): string {
  const compact = input.replace(/[\s\-().\u00a0]/g, '');
  if (compact.startsWith('+375')) return compact.slice(4);
  if (compact.startsWith('375')) return compact.slice(3);
  if (compact.startsWith('80')) return compact.slice(2);
  return compact;
}

/** A typed subscriber number as `375XXXXXXXXX`, or a DomainError('phone.invalid'). */
export function normalizePhone(input: string): string {
  const national = stripNational(input);
  if (!/^\d{9}$/.test(national)) throw new DomainError('phone.invalid');
  return COUNTRY_CODE + national;
}

export interface Mask {
  /** The normalised mask over the nine national digits: digits, `%`, `_`. */
  mask: string;
  /** Anchored LIKE pattern over the 12-character msisdn column. */
  like: string;
}

/**
 * Parses a mask: after normalisation only digits, `%` and `_`; at most nine digits; at most nine
 * positions when there is no `%`. `29%` means «starts with 29». An empty mask is `%`.
 */
export function parseMask(input: string): Mask {
  let mask = stripNational(input.trim());
  if (mask === '') mask = '%';
  mask = mask.replace(/%+/g, '%');
  if (!/^[\d%_]+$/.test(mask)) throw new DomainError('phone.maskChars');
  const digits = mask.replace(/[^\d]/g, '').length;
  const fixed = mask.replace(/%/g, '').length;
  if (digits > 9 || fixed > 9) throw new DomainError('phone.maskTooLong');
  if (!mask.includes('%') && fixed !== 9) throw new DomainError('phone.maskTooShort');
  return { mask, like: COUNTRY_CODE + mask };
}

/** The shape of a mask decides which index can serve it (ARCHITECTURE.md, Search). */
export function maskShape(mask: string): 'all' | 'exact' | 'prefix' | 'suffix' | 'inner' {
  if (mask === '%') return 'all';
  if (!mask.includes('%') && !mask.includes('_')) return 'exact';
  const firstWild = mask.search(/[%_]/);
  if (firstWild > 0) return 'prefix';
  const lastWild = Math.max(mask.lastIndexOf('%'), mask.lastIndexOf('_'));
  if (lastWild < mask.length - 1) return 'suffix';
  return 'inner';
}

/** `375291234567` → `+375 29 123-45-67`. */
export function formatPhone(msisdn: string): string {
  const n = msisdn.startsWith(COUNTRY_CODE) ? msisdn.slice(3) : msisdn;
  if (!/^\d{9}$/.test(n)) return `+${msisdn}`;
  return `+375 ${n.slice(0, 2)} ${n.slice(2, 5)}-${n.slice(5, 7)}-${n.slice(7, 9)}`;
}
