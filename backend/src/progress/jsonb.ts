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
