// Bad input at the domain boundary, property-based: every typed field of the portal — masks, numbers,
// names, amounts, dates, document numbers, e-mail addresses, forwarding targets, ticket texts — fed
// random, huge, emoji, RTL, control (\u0000), SQL and HTML input. Each either yields a valid value
// (checked against the field's own rule) or a DomainError whose code has a text in both languages;
// never any other error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/bot/format.js';
import { errorText, textsFor } from '../../src/bot/texts/index.js';
import { ManualClock } from '../../src/domain/clock.js';
import { isDomainError } from '../../src/domain/errors.js';
import { validEmail } from '../../src/domain/invoices/index.js';
import { parseAmount } from '../../src/domain/money.js';
import { checkPaymentAmount, checkPaymentDate, normalizeDocumentNumber } from '../../src/domain/payments.js';
import { normalizePhone, parseMask } from '../../src/domain/phone.js';
import { normalizeName } from '../../src/domain/renames/index.js';
import { normalizeForwardTarget, PREMIUM_RATE_PREFIXES } from '../../src/domain/services/forwarding-target.js';
import { normalizeEmail } from '../../src/domain/services/voicemail.js';
import { defaultSettings } from '../../src/domain/settings.js';
import { messageText } from '../../src/domain/tickets/index.js';
import { minsk } from '../helpers/deps.js';
import { around, nasty } from './nasty.js';

const RUNS = 1500;
const OWN = '375291000001';
const clockDeps = { clock: new ManualClock(minsk('2026-11-10T10:00')), settings: defaultSettings };
// biome-ignore lint/suspicious/noControlCharactersInRegex: the property is that none survive.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

interface Field<T> {
  field: string;
  input: fc.Arbitrary<string>;
  parse(input: string): T;
  /** The rule a value that passed must satisfy. */
  valid(value: T, input: string): void;
  codes: RegExp;
  /** The catalog key the scene shows for a code (the list sections show renames.* as lists.*). */
  textCode?: (code: string) => string;
}

const simpleEmail = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,20}$/),
    fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,12}[a-z0-9])?$/),
    fc.constantFrom('by', 'com', 'рф', 'museum', 'c'),
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);
const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
const fields: Field<unknown>[] = [
  {
    field: 'mask («Выбор абонента», «Смена номера»)',
    input: fc.oneof(nasty, around(fc.stringMatching(/^(\+375|375|80)?[ ()-]?[\d%_]{0,11}$/))),
    parse: (s) => parseMask(s),
    valid: (m) => {
      const { mask, like } = m as { mask: string; like: string };
      expect(mask).toMatch(/^[\d%_]+$/);
      expect(mask).not.toContain('%%');
      expect(mask.replace(/\D/g, '').length).toBeLessThanOrEqual(9);
      if (!mask.includes('%')) expect(mask).toHaveLength(9);
      expect(like).toBe(`375${mask}`);
    },
    codes: /^phone\.(maskChars|maskTooLong|maskTooShort)$/,
  },
  {
    field: 'subscriber number',
    input: fc.oneof(
      nasty,
      around(fc.tuple(fc.constantFrom('', '+375', '375', '80', '+375 '), digits(7, 10)).map(([p, d]) => p + d)),
    ),
    parse: (s) => normalizePhone(s),
    valid: (n) => expect(n).toMatch(/^375\d{9}$/),
    codes: /^phone\.invalid$/,
  },
  {
    field: 'name (rename)',
    input: fc.oneof(nasty, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 70 })),
    parse: (s) => normalizeName(s, defaultSettings.nameMaxLength),
    valid: (n) => {
      const name = n as string;
      expect([...name].length).toBeGreaterThanOrEqual(1);
      expect([...name].length).toBeLessThanOrEqual(defaultSettings.nameMaxLength);
      expect(name).toBe(name.trim());
      expect(name).not.toMatch(CONTROL);
      expect(name).not.toMatch(BIDI);
      expect(name).not.toMatch(/\p{Cs}/u);
    },
    codes: /^renames\.(nameEmpty|nameTooLong)$/,
    textCode: (code) => code.replace(/^renames\./, 'lists.'),
  },
  {
    field: 'amount (payment registration)',
    input: fc.oneof(
      nasty,
      around(fc.tuple(digits(1, 10), fc.constantFrom('', ',5', '.05', ',123', ' руб.')).map(([a, b]) => a + b)),
    ),
    parse: (s) => {
      const amount = parseAmount(s);
      checkPaymentAmount(amount);
      return amount;
    },
    valid: (a) => {
      expect(Number.isSafeInteger(a)).toBe(true);
      expect(a as number).toBeGreaterThan(0);
    },
    codes: /^(money\.invalid|payments\.invalidAmount)$/,
  },
  {
    field: 'date (payment registration)',
    input: fc.oneof(
      nasty,
      around(
        fc
          .tuple(
            digits(1, 2),
            fc.constantFrom('.', '/', '-'),
            digits(1, 2),
            fc.constantFrom('.', '/', '-'),
            fc.constantFrom('2026', '2025', '2027', '0000', '9999'),
          )
          .map((p) => p.join('')),
      ),
    ),
    parse: (s) => {
      const iso = parseDate(s);
      if (!iso) return undefined;
      checkPaymentDate(clockDeps, iso);
      return iso;
    },
    valid: (d) => {
      if (d === undefined) return; // the scene answers «payments.invalidDate» for an unreadable date
      expect(d).toMatch(/^2026-(10|11)-\d\d$/);
    },
    codes: /^payments\.(invalidDate|futureDate|tooOld)$/,
  },
  {
    field: 'document number (payment registration)',
    input: fc.oneof(nasty, around(fc.stringMatching(/^[A-ZА-Я]{0,3}-?\d{1,8}(\/\d{1,4})?$/))),
    parse: (s) => normalizeDocumentNumber(s),
    valid: (d) => expect(d).toMatch(/^[\p{L}\p{N}/-]{1,32}$/u),
    codes: /^payments\.invalidDocument$/,
  },
  {
    field: 'e-mail (invoices)',
    input: fc.oneof(nasty, around(simpleEmail), fc.emailAddress()),
    parse: (s) => validEmail(s),
    valid: (e) => {
      const email = e as string;
      expect(email.length).toBeLessThanOrEqual(254);
      expect(email).toContain('@');
      // Nothing that could split a mail header or hide in one.
      expect(email).not.toMatch(/[\s<>"\\,;:()[\]]/);
      expect(email).not.toMatch(CONTROL);
    },
    codes: /^invoices\.invalidEmail$/,
  },
  {
    field: 'e-mail (voicemail)',
    input: fc.oneof(nasty, around(simpleEmail), fc.emailAddress()),
    parse: (s) => normalizeEmail(s),
    valid: (e) => {
      const email = e as string;
      expect(email.length).toBeLessThanOrEqual(254);
      expect(email).toMatch(/^[^\s@]+@[a-z0-9.-]+\.[a-z]{2,63}$/);
    },
    codes: /^services\.vmInvalidEmail$/,
  },
  {
    field: 'forwarding target',
    input: fc.oneof(
      nasty,
      around(fc.tuple(fc.constantFrom('', '+', '00', '8 10 ', '80', '8'), digits(6, 15)).map(([p, d]) => p + d)),
    ),
    parse: (s) => normalizeForwardTarget(s, OWN),
    valid: (t) => {
      const target = t as string;
      expect(target).toMatch(/^[1-9]\d{7,14}$/);
      expect(target).not.toBe(OWN);
      expect(PREMIUM_RATE_PREFIXES.some((p) => target.startsWith(p))).toBe(false);
    },
    codes: /^services\.(fwdInvalidNumber|fwdShortNumber|fwdOwnNumber|fwdPremiumNumber)$/,
  },
  {
    field: 'ticket text',
    input: fc.oneof(nasty, fc.string({ unit: 'grapheme', maxLength: 300 })),
    parse: (s) => messageText(s, true),
    valid: (t) => {
      const text = t as string;
      expect(text.length).toBeGreaterThan(0);
      expect(text.length).toBeLessThanOrEqual(4000);
      expect(text).not.toMatch(CONTROL);
      expect(text).not.toMatch(BIDI);
      expect(text).toBe(text.trim());
    },
    codes: /^tickets\.(textEmpty|textTooLong)$/,
  },
];

const ru = textsFor('ru');
const en = textsFor('en');

describe('Bad input: every typed field gives a valid value or a clear refusal, never another error', () => {
  it.each(fields)('$field', ({ input, parse, valid, codes, textCode = (c) => c }) => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(input, (s) => {
        let value: unknown;
        try {
          value = parse(s);
        } catch (error) {
          if (!isDomainError(error)) throw error;
          expect(error.code).toMatch(codes);
          const shown = Object.assign(Object.create(Object.getPrototypeOf(error)), error, {
            code: textCode(error.code),
          });
          expect(errorText(ru, shown), error.code).toBeTruthy();
          expect(errorText(en, shown), error.code).toBeTruthy();
          refused++;
          return;
        }
        valid(value, s);
        accepted++;
      }),
      { numRuns: RUNS },
    );
    // Both paths were exercised, so the property says something about each.
    expect(accepted).toBeGreaterThan(RUNS / 20);
    expect(refused).toBeGreaterThan(RUNS / 20);
  });
});
