import { describe, expect, it } from 'vitest';
import { storableText } from './text';

describe('storableText', () => {
  it('replaces each NUL with U+FFFD and keeps the rest', () => {
    expect(storableText('a\u0000b\u0000\u0000')).toBe('a\uFFFDb\uFFFD\uFFFD');
  });

  it('replaces lone surrogates, keeping surrogate pairs (emoji)', () => {
    expect(storableText('😀 \uD83D x \uDE00 😀\uD800')).toBe('😀 \uFFFD x \uFFFD 😀\uFFFD');
  });

  it('returns ordinary text unchanged, escapes included', () => {
    const text = String.raw`"\u0000" is how JSON writes NUL; ünïcödé, 数学`;
    expect(storableText(text)).toBe(text);
  });
});
