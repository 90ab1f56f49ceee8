import { type SQL, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/client';
import { bodyText } from './json-body';

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

/**
 * JSON received as UTF-8 bytes, as a jsonb expression. PostgreSQL gets the bytes as they came (a
 * bytea parameter, read as UTF-8 text) instead of a string: a 200 KB string handed to the driver
 * outlived V8's young generation, so every save's text was promoted to the old one (about 60 MB/s
 * at 300 saves/s), and the major collections that followed were the slow saves. PGlite's driver
 * takes text. PostgreSQL refuses bytes that are not UTF-8 (22021), as it refuses a NUL or lone
 * surrogate escape (22P05, 22P02).
 */
export const utf8Jsonb = (database: DatabaseHandle['kind'], utf8: Buffer): SQL =>
  database === 'pglite'
    ? sql`${bodyText(utf8)}::jsonb`
    : sql`convert_from(${utf8}::bytea, 'UTF8')::jsonb`;

/** How a save body from the app begins: its notebook first (`{"notebook_state":{...},...}`). */
const NOTEBOOK_FIRST = Buffer.from('{"notebook_state":');
const CLOSE = 0x7d; // }
/** jsonb's binary format: this version byte, then the JSON text. */
const JSONB_BINARY_VERSION = 1;

/**
 * Runs `use` with the body's notebook as a jsonb parameter in PostgreSQL's binary format, without
 * copying it, when the body begins with its notebook (as the app sends it): the byte before the
 * notebook's text (the member's ":") is the format's version byte while `use` runs, then ":" again.
 * Otherwise (a body in another order) `use` gets undefined.
 *
 * The notebook is taken to end at the last "}" before the body's own: the other members the schema
 * allows (status, base_version, save_token) are scalars. Should that cut be wrong (a "}" inside a
 * later string, a repeated member), the text from the notebook's start on is a JSON value followed
 * by a comma, which PostgreSQL refuses (22P02, see jsonbRefused): never another valid notebook.
 */
export async function withNotebookJsonb<T>(
  body: Buffer,
  use: (notebookJsonb: Buffer | undefined) => Promise<T>,
): Promise<T> {
  const colon = NOTEBOOK_FIRST.length - 1;
  let last = body.length - 1;
  while (last > 0 && body[last] !== CLOSE) last--;
  const end = body.lastIndexOf(CLOSE, last - 1);
  if (end <= colon || body.compare(NOTEBOOK_FIRST, 0, colon + 1, 0, colon + 1) !== 0) {
    return use(undefined);
  }
  body[colon] = JSONB_BINARY_VERSION;
  try {
    return await use(body.subarray(colon, end + 1));
  } finally {
    body[colon] = NOTEBOOK_FIRST[colon]!;
  }
}
