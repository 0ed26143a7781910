import { describe, expect, it } from 'vitest';
import { wellFormedText } from '../../src/bot/middleware/typed-input.js';

describe('typed input boundary', () => {
  it('replaces lone surrogates and drops NUL, keeping emoji and Cyrillic', () => {
    expect(wellFormedText('a\ud800b\u0000c')).toBe('a\ufffdbc');
    expect(wellFormedText('Минск 😀 ул.')).toBe('Минск 😀 ул.');
    expect(JSON.stringify(wellFormedText('\udc00\ud800'))).toBe('"\ufffd\ufffd"');
  });
});
