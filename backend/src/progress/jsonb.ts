/**
 * JSON text for a jsonb parameter. PostgreSQL's jsonb cannot hold the character U+0000 (the save
 * would fail with a 500 and the student's work would not be stored), so each NUL character, which
 * JSON.stringify writes as the escape `\u0000`, becomes U+FFFD, the replacement character. An
 * escape preceded by an odd number of backslashes is text the student typed, and is left alone.
 */
export function toJsonbText(value: unknown): string {
  const json = JSON.stringify(value);
  return json.includes('\\u0000') ? json.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1\\ufffd') : json;
}
