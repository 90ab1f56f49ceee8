// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text PostgreSQL can store, and that any vendor's JSON parser accepts. A `text` column cannot hold
 * U+0000 (the statement fails: 22021 on PostgreSQL, the same on PGlite), and a lone UTF-16
 * surrogate is not Unicode (the drivers write U+FFFD for it; some LLM APIs refuse it). Each becomes
 * U+FFFD, the replacement character, as notebooks do (progress/jsonb.ts): the rest of what the
 * student wrote is kept. Surrogate pairs (emoji) are left alone.
 */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, '\uFFFD');
}
