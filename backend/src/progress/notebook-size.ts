/**
 * The size of a saved notebook, exactly: the bytes of `notebook_state`'s JSON text in the request
 * body (UTF-8, after any gzip is undone), whatever surrounds it. Nearly every save is far below
 * the limit and is let through on the body's length alone; only a body that could hold a notebook
 * over the limit is scanned for where the notebook's text starts and ends.
 */

/** The shortest text around a member value: `{"notebook_state":` and `}`. */
const SHORTEST_ENVELOPE = '{"notebook_state":}'.length;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (byte: number | undefined) =>
  byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** Index just after the string that opens at `start` (a quote). */
function stringEnd(json: Buffer, start: number): number {
  let from = start + 1;
  for (;;) {
    const quote = json.indexOf(QUOTE, from);
    if (quote === -1) throw new Error('unterminated string');
    let backslashes = 0;
    while (json[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** Index just after the JSON value that starts at `start`. */
function valueEnd(json: Buffer, start: number): number {
  const first = json[start];
  if (first === QUOTE) return stringEnd(json, start);
  if (first === 0x7b || first === 0x5b) {
    let depth = 0;
    for (let i = start; i < json.length;) {
      const byte = json[i]!;
      if (byte === QUOTE) {
        i = stringEnd(json, i);
        continue;
      }
      if (byte === 0x7b || byte === 0x5b) depth++;
      else if ((byte === 0x7d || byte === 0x5d) && --depth === 0) return i + 1;
      i++;
    }
    throw new Error('unterminated value');
  }
  let i = start;
  while (i < json.length && !isSpace(json[i]) && json[i] !== 0x2c && json[i] !== 0x7d) i++;
  return i;
}

const skipSpaces = (json: Buffer, i: number) => {
  while (isSpace(json[i])) i++;
  return i;
};

/**
 * Bytes of the value of the top-level member `key` in `json` (valid JSON text of an object), the
 * last one when the key is repeated (as JSON.parse reads it); undefined when there is none.
 */
export function memberValueBytes(json: Buffer, key: string): number | undefined {
  let bytes: number | undefined;
  let i = skipSpaces(json, 0);
  if (json[i] !== 0x7b) return undefined;
  i = skipSpaces(json, i + 1);
  while (json[i] === QUOTE) {
    const keyEnd = stringEnd(json, i);
    const name = JSON.parse(json.toString('utf8', i, keyEnd)) as string;
    const start = skipSpaces(json, skipSpaces(json, keyEnd) + 1);
    const end = valueEnd(json, start);
    if (name === key) bytes = end - start;
    i = skipSpaces(json, end);
    if (json[i] !== 0x2c) break;
    i = skipSpaces(json, i + 1);
  }
  return bytes;
}

/**
 * The size of `notebook_state` in `body` when it is over `limit` bytes, else null. Without the
 * body's bytes, the size of the notebook serialised again.
 */
export function notebookOverLimit(
  body: Buffer | undefined,
  notebook: unknown,
  limit: number,
): number | null {
  let bytes: number;
  if (body) {
    if (body.length - SHORTEST_ENVELOPE <= limit) return null;
    bytes = memberValueBytes(body, 'notebook_state') ?? 0;
  } else {
    bytes = Buffer.byteLength(JSON.stringify(notebook) ?? '');
  }
  return bytes > limit ? bytes : null;
}
