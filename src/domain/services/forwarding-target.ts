// R-FWD targets: a typed number normalised to international digits (no '+'), and the numbers a
// forwarding may not go to — the subscriber's own, short ones, and premium-rate ones.
import { DomainError } from '../errors.js';
import { COUNTRY_CODE } from '../phone.js';

/**
 * Premium-rate prefixes in international digits. Data, not logic: the operator's list of paid
 * information services in Belarus (8-902, 8-903 …) and international premium / shared-cost ranges
 * (ITU: 881 satellite, 882/883 international networks, 979 international premium rate).
 */
export const PREMIUM_RATE_PREFIXES: readonly string[] = ['375902', '375903', '881', '882', '883', '979'];

/** Fewer digits than this is a short number (service codes, local numbers without an area code). */
export const MIN_TARGET_DIGITS = 8;
/** E.164 allows at most 15 digits. */
export const MAX_TARGET_DIGITS = 15;

/**
 * `+375 29 123-45-67`, `80291234567`, `291234567`, `00 48 601 234 567`, `8 10 48 601 234 567` → `375291234567`,
 * `48601234567`; Belarusian `8 902 …` → `375902…`.
 * Refusals: `services.fwdInvalidNumber`, `services.fwdShortNumber`, `services.fwdOwnNumber`, `services.fwdPremiumNumber`.
 */
export function normalizeForwardTarget(
  input: string,
  ownMsisdn: string,
  premium: readonly string[] = PREMIUM_RATE_PREFIXES,
): string {
  const compact = input.trim().replace(/[\s\-().\u00a0]/g, '');
  if (!/^\+?\d+$/.test(compact)) throw new DomainError('services.fwdInvalidNumber');
  const digits = compact.replace('+', '');
  if (digits.length < MIN_TARGET_DIGITS) throw new DomainError('services.fwdShortNumber');
  let international: string;
  if (compact.startsWith('+')) international = digits;
  else if (digits.startsWith('00')) international = digits.slice(2);
  else if (digits.startsWith('810'))
    international = digits.slice(3); // Belarusian international access 8~10
  else if (digits.startsWith('80'))
    international = COUNTRY_CODE + digits.slice(2); // Belarusian trunk 8-0XX-…
  else if (digits.startsWith('8'))
    international = COUNTRY_CODE + digits.slice(1); // non-geographic 8-801, 8-902 …
  else if (digits.length === 9)
    international = COUNTRY_CODE + digits; // a national number without a prefix
  else international = digits;
  if (!/^[1-9]\d*$/.test(international) || international.length > MAX_TARGET_DIGITS)
    throw new DomainError('services.fwdInvalidNumber');
  if (international.length < MIN_TARGET_DIGITS) throw new DomainError('services.fwdShortNumber');
  if (international === ownMsisdn) throw new DomainError('services.fwdOwnNumber');
  if (premium.some((p) => international.startsWith(p))) throw new DomainError('services.fwdPremiumNumber');
  return international;
}

/** `375291234567` → `+375 29 123-45-67`; other countries as `+<digits>`. */
export function formatForwardTarget(target: string): string {
  if (target.startsWith(COUNTRY_CODE) && target.length === 12) {
    const n = target.slice(3);
    return `+375 ${n.slice(0, 2)} ${n.slice(2, 5)}-${n.slice(5, 7)}-${n.slice(7, 9)}`;
  }
  return `+${target}`;
}
