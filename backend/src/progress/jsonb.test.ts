import { describe, expect, it } from 'vitest';
import { toJsonbText, withNotebookJsonb } from './jsonb';

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

describe('withNotebookJsonb', () => {
  /** What `use` gets (as text, the version byte shown as "\x01"), and the body afterwards. */
  async function cut(text: string) {
    const body = Buffer.from(text);
    const seen = await withNotebookJsonb(body, async (jsonb) =>
      jsonb === undefined ? undefined : jsonb.toString('latin1'),
    );
    return { seen, after: body.toString() };
  }

  it.each([
    ['{"notebook_state":{"cells":[]}}', '\x01{"cells":[]}'],
    ['{"notebook_state":{"a":{}},"base_version":3}', '\x01{"a":{}}'],
    ['{"notebook_state": {"a":1} ,"status":"completed" }\n', '\x01 {"a":1}'],
    // Wrong cuts are never valid JSON: a value followed by a comma (PostgreSQL refuses it).
    ['{"notebook_state":{"a":1},"notebook_state":{"b":2}}', '\x01{"a":1},"notebook_state":{"b":2}'],
  ])('takes the notebook of %s as binary jsonb, and restores the body', async (text, expected) => {
    expect(await cut(text)).toEqual({ seen: expected, after: text });
  });

  it.each([
    ['{"base_version":3,"notebook_state":{"a":1}}'],
    ['{ "notebook_state":{"a":1}}'],
    ['{"status":"completed"}'],
    ['{"notebook_state":1}'],
  ])('leaves %s to the other statement', async (text) => {
    expect(await cut(text)).toEqual({ seen: undefined, after: text });
  });

  it('restores the body when the statement fails', async () => {
    const body = Buffer.from('{"notebook_state":{}}');
    await expect(
      withNotebookJsonb(body, () => Promise.reject(new Error('refused'))),
    ).rejects.toThrow('refused');
    expect(body.toString()).toBe('{"notebook_state":{}}');
  });
});
