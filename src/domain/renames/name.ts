// R-RENAME: a subscriber's display name is 1–64 printable characters. Control and unassigned
// characters are stripped (Postgres refuses \u0000; they would also break the bill), and so are bidi
// overrides and invisible zero-width marks (a name must read in lists and on the bill as it is stored,
// and never be blank), then trimmed.
import { DomainError } from '../errors.js';

/** The cleaned name, or null with the reason it is refused. */
export function checkName(
  input: string,
  maxLength: number,
): { name: string } | { reason: 'renames.nameEmpty' | 'renames.nameTooLong' } {
  const name = input
    .replace(/[\u2028\u2029]/g, ' ')
    .replace(/[\p{Cc}\p{Cs}\p{Co}\p{Cn}\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (name === '') return { reason: 'renames.nameEmpty' };
  if ([...name].length > maxLength) return { reason: 'renames.nameTooLong' };
  return { name };
}

/** The cleaned name, or DomainError('renames.nameEmpty' | 'renames.nameTooLong', { max }). */
export function normalizeName(input: string, maxLength: number): string {
  const checked = checkName(input, maxLength);
  if ('reason' in checked) throw new DomainError(checked.reason, { max: maxLength });
  return checked.name;
}
