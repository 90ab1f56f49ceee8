// float4[] columns (a session's context embedding: ~1100 numbers, read on every turn) come back from
// the PGlite worker as PostgreSQL's text and are parsed here. PGlite's own array parser reads them a
// character at a time on the worker's thread, which serves every statement in turn, and posts the
// numbers back one by one; one string crosses the thread boundary instead.

/** PostgreSQL's oid of float4[] (real[]). */
export const FLOAT4_ARRAY_OID = 1021;

/** `{1,-2.5,NaN,NULL}` as numbers (NULL as null); nested braces give nested arrays. */
export function parseFloat4Array(text: string): unknown[] {
  // A lower-bound prefix such as `[0:2]=` comes before the first brace.
  const start = text.indexOf('{');
  if (text.indexOf('{', start + 1) === -1) {
    const inner = text.slice(start + 1, text.lastIndexOf('}'));
    return inner === '' ? [] : inner.split(',').map(element);
  }
  return nested(text, start)[0];
}

const element = (token: string): number | null => (token === 'NULL' ? null : Number(token));

/** The array opening at `text[at]` and the position after its closing brace. */
function nested(text: string, at: number): [unknown[], number] {
  const values: unknown[] = [];
  let i = at + 1;
  if (text[i] === '}') return [values, i + 1];
  for (;;) {
    if (text[i] === '{') {
      const [inner, next] = nested(text, i);
      values.push(inner);
      i = next;
    } else {
      let end = i;
      while (text[end] !== ',' && text[end] !== '}') end += 1;
      values.push(element(text.slice(i, end)));
      i = end;
    }
    if (text[i] === '}') return [values, i + 1];
    i += 1; // the comma
  }
}
