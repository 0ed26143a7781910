// Hostile typed input for property tests: random strings of every kind of character, huge strings,
// emoji, RTL and bidi marks, zero-width and control characters including \u0000, SQL and HTML fragments,
// mixed into near-valid values so the generators reach the accepting paths too.
import fc from 'fast-check';

export const FRAGMENTS = [
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r\n',
  '\t',
  '\u007f',
  '\u0085',
  '\u200b',
  '\u200e',
  '\u200f',
  '\u202e',
  '\u2066',
  '\u2028',
  '\ufeff',
  '\ud800',
  '🙂',
  '👨‍👩‍👧',
  '🇧🇾',
  'ع',
  'שלום',
  '١٢٣',
  '２９',
  "' or 1=1 --",
  "'; drop table subscribers; --",
  '"); delete from payments; --',
  '%',
  '_',
  '\\',
  '<b>',
  '</a>',
  '<script>alert(1)</script>',
  '&amp;',
  '${7*7}',
  '=cmd|"/c calc"!A1',
  '@SUM(1)',
  '+375',
  '80',
  ' ',
  '\u00a0',
  '.',
  '-',
  '@',
  'example.by',
  '29',
  '1000001',
];

const fragment = fc.constantFrom(...FRAGMENTS);

/** Anything a user might type, and much they would not. */
export const nasty: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.oneof(
          fragment,
          fc.string({ unit: 'grapheme-ascii', maxLength: 6 }),
          fc.integer({ min: 0, max: 999_999_999 }).map(String),
        ),
        { maxLength: 8 },
      )
      .map((p) => p.join('')),
  },
  { weight: 1, arbitrary: fc.tuple(fragment, fc.integer({ min: 1, max: 5000 })).map(([f, n]) => f.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '9'.repeat(100_000), 'я'.repeat(20_000), '🙂'.repeat(5_000)) },
);

/** `nasty` around a value that would pass: a prefix or suffix of noise, or the value alone. */
export function around(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    valid,
    fc.tuple(fc.option(fragment, { nil: '' }), valid, fc.option(fragment, { nil: '' })).map(([a, v, b]) => a + v + b),
  );
}
