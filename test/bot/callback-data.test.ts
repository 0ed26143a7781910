import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cb, idArg, MAX_CALLBACK_BYTES, parseCallback } from '../../src/bot/callback-data.js';

describe('callback data codec (untrusted input)', () => {
  it('round-trips area, action and arguments', () => {
    expect(parseCallback(cb('num', 'pick', 12, '375297770077'))).toEqual({
      area: 'num',
      action: 'pick',
      args: ['12', '375297770077'],
    });
  });

  it('refuses to build data over 64 bytes', () => {
    expect(() => cb('x', 'y', 'z'.repeat(40), 'z'.repeat(30))).toThrow();
  });

  it('never throws on arbitrary input and accepts only well-formed data ≤ 64 bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (data) => {
        const parsed = parseCallback(data);
        if (parsed) {
          expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
          expect(parsed.area.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('ids are positive safe integers only', () => {
    expect(idArg('12')).toBe(12);
    for (const bad of ['0', '-1', '1e3', '01', 'abc', '99999999999999999999', '', undefined])
      expect(idArg(bad)).toBeUndefined();
  });
});
