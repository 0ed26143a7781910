// Every declared action's buttons, built from the declaration with arguments drawn by fast-check, fit
// Telegram's 64 bytes and parse back (through the dispatcher's own decoding) to the same typed arguments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { allSections } from '../../scenes/index.js';
import { type Action, callbackOf, decodeArgs, maxCallbackLength } from '../../src/bot/actions.js';
import { type ArgInfo, argInfo, MAX_ID } from '../../src/bot/args.js';
import { idArg, MAX_CALLBACK_BYTES, parseCallback } from '../../src/bot/callback-data.js';
import { NONCE_PATTERN } from '../../src/domain/nonce.js';

function arbitraryOf(info: ArgInfo): fc.Arbitrary<unknown> {
  switch (info.kind) {
    case 'id':
      return fc.integer({ min: 1, max: MAX_ID });
    case 'int':
      return fc.integer({ min: info.min, max: info.max });
    case 'nonce':
      return fc.stringMatching(NONCE_PATTERN);
    case 'date':
      return fc
        .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'token':
      return fc.stringMatching(info.pattern).filter((s) => s.length <= info.maxLength);
    case 'oneOf':
      return fc.constantFrom(...info.values);
  }
}

function itemArbitrary(schema: z.ZodType): fc.Arbitrary<unknown> {
  const info = argInfo.get(schema);
  if (info) return arbitraryOf(info);
  const inner = (schema.def as { innerType?: z.ZodType }).innerType;
  if (!inner) throw new Error('an argument outside src/bot/args.ts');
  return fc.option(itemArbitrary(inner), { nil: undefined });
}

const trimmed = (values: unknown[]) => {
  const out = [...values];
  while (out.length && out.at(-1) === undefined) out.pop();
  return out;
};

const declared: Action[] = allSections.flatMap((s) =>
  Object.values(s.actions).filter((a) => (a.args.def as { rest: unknown }).rest == null),
);

describe('declared actions: buttons from the declaration', () => {
  it('covers the declared actions of the sections', () => {
    expect(declared.length).toBeGreaterThan(10);
  });

  it.each(declared.map((a) => [`${a.area}:${a.name}`, a] as const))(
    '%s: drawn arguments round-trip through the button and stay ≤ 64 bytes',
    (_, action) => {
      expect(maxCallbackLength(action)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
      const items = (action.args.def as unknown as { items: z.ZodType[] }).items;
      const values = fc.tuple(
        ...(action.scope === 'subscriber' ? [fc.integer({ min: 1, max: MAX_ID })] : []),
        ...items.map(itemArbitrary),
      );
      fc.assert(
        fc.property(values, (drawn) => {
          // An optional argument is only left out at the end.
          const list = trimmed(drawn);
          if (list.includes(undefined)) return;
          const data = callbackOf(action, ...(list as never[]));
          expect(Buffer.byteLength(data, 'utf8')).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
          const parsed = parseCallback(data);
          expect(parsed).toMatchObject({ area: action.area, action: action.name });
          let raw = parsed?.args ?? [];
          if (action.scope === 'subscriber') {
            expect(idArg(raw[0])).toBe(list[0]);
            raw = raw.slice(1);
          }
          const decoded = decodeArgs(action, raw);
          expect(decoded).toBeDefined();
          expect(trimmed(decoded as unknown[])).toEqual(action.scope === 'subscriber' ? list.slice(1) : list);
        }),
        { numRuns: 200 },
      );
    },
  );
});
