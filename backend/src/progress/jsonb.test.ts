import { describe, expect, it } from 'vitest';
import { toJsonbText } from './jsonb';

describe('toJsonbText', () => {
  it('is JSON.stringify when there is no NUL character', () => {
    const value = { cells: [{ source: 'print("hi")\n' }], n: 1 };
    expect(toJsonbText(value)).toBe(JSON.stringify(value));
  });

  it('replaces NUL characters in values and keys with U+FFFD', () => {
    const text = toJsonbText({ 'k\u0000': ['a\u0000b', '\u0000\u0000'] });
    expect(JSON.parse(text)).toEqual({ 'k\uFFFD': ['a\uFFFDb', '\uFFFD\uFFFD'] });
  });

  it('replaces lone surrogates, keeping surrogate pairs (emoji)', () => {
    const text = toJsonbText({ s: 'lone \uD83D, low \uDE00, pair \uD83D\uDE00' });
    expect(JSON.parse(text)).toEqual({ s: 'lone \uFFFD, low \uFFFD, pair \uD83D\uDE00' });
  });

  it('leaves a typed backslash-u-0000 alone, and handles it next to a real NUL', () => {
    const typed = String.raw`"\u0000" is how JSON writes NUL`;
    expect(JSON.parse(toJsonbText({ s: typed }))).toEqual({ s: typed });
    const mixed = `\\\u0000|\\\\u0000`;
    expect(JSON.parse(toJsonbText({ s: mixed }))).toEqual({ s: `\\\uFFFD|\\\\u0000` });
  });
});
