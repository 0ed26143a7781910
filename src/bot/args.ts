// The kinds of argument a button may carry, each a zod codec between the text in callback data and the
// typed value a handler gets. Callback data is untrusted: decoding refuses anything the codec would not
// have written, and encoding refuses a value a button must not carry (a programming error).
import { z } from 'zod';
import { NONCE_MAX_LENGTH, NONCE_PATTERN } from '../domain/nonce.js';
import { type IsoDate, isValidIsoDate } from '../domain/time.js';

/** What an argument is, for tests that draw arguments of every kind (test/bot/actions.property.test.ts). */
export type ArgInfo = { maxLength: number } & (
  | { kind: 'id' }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'nonce' }
  | { kind: 'date' }
  | { kind: 'token'; pattern: RegExp }
  | { kind: 'oneOf'; values: readonly string[] }
);

export const argInfo = new WeakMap<z.ZodType, ArgInfo>();

function described<T extends z.ZodType>(schema: T, info: ArgInfo): T {
  argInfo.set(schema, info);
  return schema;
}

/** The largest id a row has (PostgreSQL integer identity columns). */
export const MAX_ID = 2_147_483_647;

/** A positive row id (no sign, no leading zero, no exponent). */
const id = described(
  z.codec(z.string().regex(/^[1-9]\d{0,9}$/), z.number().int().positive().max(MAX_ID), {
    decode: Number,
    encode: String,
  }),
  { kind: 'id', maxLength: 10 },
);

/** A small integer in [min, max] (days, seconds, a rating). */
function int(min: number, max: number) {
  return described(
    z.codec(z.string().regex(/^(0|[1-9]\d{0,5})$/), z.number().int().min(min).max(max), {
      decode: Number,
      encode: String,
    }),
    { kind: 'int', min, max, maxLength: Math.max(String(min).length, String(max).length) },
  );
}

/** A one-time confirmation nonce (R-IDEMP), the one pattern of the tree. */
const nonce = described(z.string().regex(NONCE_PATTERN), { kind: 'nonce', maxLength: NONCE_MAX_LENGTH });

/** A calendar date, carried as YYYYMMDD (no `-`, to stay short). */
const date = described(
  z.codec(
    z.string().regex(/^\d{8}$/),
    z.string().refine((d): d is IsoDate => isValidIsoDate(d)),
    {
      decode: (v) => `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`,
      encode: (d) => d.replaceAll('-', ''),
    },
  ),
  { kind: 'date', maxLength: 8 },
);

/** Text the section wrote itself (digits of a number, a short code); the pattern must fit callback data. */
function token(pattern: RegExp, maxLength: number) {
  return described(z.string().max(maxLength).regex(pattern), { kind: 'token', pattern, maxLength });
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return described(z.enum(values), { kind: 'oneOf', values, maxLength: Math.max(...values.map((v) => v.length)) });
}

export const arg = { id, int, nonce, date, token, oneOf };

/** A tuple of arguments; `z.tuple` with the codecs above. */
export const args = z.tuple;
export const noArgs = z.tuple([]);
