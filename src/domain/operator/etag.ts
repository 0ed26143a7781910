// A resource's ETag is the hash of its stored representation: whoever changed it (the operator, the bot),
// the tag changes; an identical PUT leaves it as it was (R-API-UPSERT).
import { sha256 } from '../secrets.js';
import { preconditionFailed } from './problems.js';

export function etagOf(representation: unknown): string {
  return `"${sha256(JSON.stringify(representation)).slice(0, 32)}"`;
}

/** If-Match: `*` or a list of tags; a weak tag (W/"…") never matches (RFC 9110 strong comparison). */
export function checkIfMatch(ifMatch: string | undefined, current: unknown | undefined): void {
  if (ifMatch === undefined) return;
  if (current === undefined) throw preconditionFailed();
  const tag = etagOf(current);
  const given = ifMatch.split(',').map((t) => t.trim());
  if (!given.includes('*') && !given.includes(tag)) throw preconditionFailed();
}

export function sameRepresentation(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Kopecks as a decimal string in BYN: 1234 → "12.34", -5 → "-0.05". */
export function decimalAmount(kopecks: number): string {
  const sign = kopecks < 0 ? '-' : '';
  const a = Math.abs(kopecks);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** "12.34" / "-0.05" / "12" → kopecks (the API schema has checked the form). */
export function kopecksOf(amount: string): number {
  const m = /^(-)?(\d{1,12})(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) throw new Error(`not a decimal amount: ${amount}`);
  const value = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -value : value;
}
