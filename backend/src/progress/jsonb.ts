/**
 * JSON text for a jsonb parameter. PostgreSQL's jsonb cannot hold the character U+0000 nor a lone
 * UTF-16 surrogate (the save would fail with a 500 and the student's work would not be stored).
 * JSON.stringify writes both as `\u` escapes (it escapes only lone surrogates, never pairs), and
 * each becomes U+FFFD, the replacement character. An escape preceded by an odd number of
 * backslashes is text the student typed, and is left alone.
 */
export function toJsonbText(value: unknown): string {
  const json = JSON.stringify(value);
  if (!json.includes('\\u0000') && !json.includes('\\ud')) return json;
  return json.replace(/(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/g, '$1\\ufffd');
}
