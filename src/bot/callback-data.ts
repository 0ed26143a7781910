// The one callback-data codec: `area:action:arg…`, at most 64 bytes of UTF-8. Callback data is
// untrusted input: it is parsed with zod here, the arguments are decoded by the action's own codecs
// (src/bot/args.ts), and every id in it is re-authorized by the domain.
import { z } from 'zod';
import { arg } from './args.js';

export const MAX_CALLBACK_BYTES = 64;

const part = z.string().regex(/^[A-Za-z0-9_.+%-]{0,40}$/);

export const callbackSchema = z
  .string()
  .max(MAX_CALLBACK_BYTES)
  .transform((data) => data.split(':'))
  .pipe(z.tuple([part.min(1), part.min(1)], part));

export interface Callback {
  area: string;
  action: string;
  args: string[];
}

export class CallbackTooLongError extends Error {}

/** Builds callback data; throws when it would not fit Telegram's 64 bytes (a programming error). */
export function cb(area: string, action: string, ...args: (string | number)[]): string {
  const data = [area, action, ...args.map(String)].join(':');
  if (Buffer.byteLength(data, 'utf8') > MAX_CALLBACK_BYTES || !callbackSchema.safeParse(data).success) {
    throw new CallbackTooLongError(`bad callback data: ${data}`);
  }
  return data;
}

export function parseCallback(data: string | undefined): Callback | undefined {
  if (data === undefined) return undefined;
  const parsed = callbackSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const [area, action, ...args] = parsed.data;
  return { area, action, args };
}

/** A positive integer id from callback data, or undefined (forged or malformed). */
export function idArg(value: string | undefined): number | undefined {
  const parsed = arg.id.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
