// The notebook a save stores, from request to jsonb: the body's bytes as sent when PostgreSQL can
// store them (no parse, no serialise), else the parsed notebook. One place decides; the route and
// the service only pass the payload along.
import type { FastifyRequest } from 'fastify';
import { type SQL, sql } from 'drizzle-orm';
import { hasTrustMarkers, withoutTrustMarkers } from '@tutor/shared/notebook-trust';
import type { ProgressUpdate } from '@tutor/shared/progress';
import type { DatabaseHandle } from '../db/client';
import { sqlState } from '../db/errors';
import { bodyText, jsonBodyOf } from './json-body';
import { toJsonbText, utf8Jsonb } from './jsonb';

type Notebook = Record<string, unknown>;

export interface NotebookPayload {
  /** Runs `write` with the notebook as a jsonb expression: as sent, or parsed if that is refused. */
  store<T>(write: (notebookJsonb: SQL) => Promise<T>): Promise<T>;
  /**
   * PostgreSQL: the body's UTF-8 bytes as sent, whose member `notebook_state` is the notebook (the
   * service's hand-written save statement takes them as they are). Absent for a parsed notebook.
   */
  bodyBytes?: Buffer;
  /** The same notebook parsed, for a write PostgreSQL refused as sent (see jsonbRefused). */
  parsed?(): NotebookPayload;
}

/**
 * PostgreSQL refused JSON as jsonb: a `\u0000` escape (22P05), a lone surrogate (22P02) or bytes
 * that are not UTF-8 (22021).
 */
export const jsonbRefused = (error: unknown) =>
  ['22P05', '22P02', '22021'].includes(sqlState(error) ?? '');

const parsedJsonb = (notebook: Notebook): SQL => sql`${toJsonbText(notebook)}::jsonb`;

/** A notebook already parsed: stored with NUL and lone surrogates replaced (see toJsonbText). */
export function parsedNotebookPayload(notebook: Notebook): NotebookPayload {
  return { store: (write) => write(parsedJsonb(notebook)) };
}

/**
 * The body's bytes (an object whose `notebook_state` member is the notebook), taken apart by
 * PostgreSQL. Text jsonb cannot hold (a NUL or lone surrogate escape, invalid UTF-8: rare) is
 * refused as a whole: then the notebook is parsed from the bytes and written with those characters
 * replaced.
 */
function bodyBytesPayload(database: DatabaseHandle['kind'], utf8: Buffer): NotebookPayload {
  const parse = () => (JSON.parse(bodyText(utf8)) as ProgressUpdate).notebook_state!;
  return {
    bodyBytes: database === 'postgres' ? utf8 : undefined,
    parsed: () => parsedNotebookPayload(parse()),
    async store(write) {
      try {
        return await write(sql`(${utf8Jsonb(database, utf8)} -> 'notebook_state')`);
      } catch (error) {
        if (!jsonbRefused(error)) throw error;
        return write(parsedJsonb(parse()));
      }
    },
  };
}

/**
 * The notebook of a validated save body, or undefined when it has none. With the body's bytes at
 * hand the parsed notebook is let go (also from `request.body`): the save waits for the database
 * holding only the bytes, and parses them again only if PostgreSQL cannot store them as sent.
 * Hundreds of KB of objects held across that wait were copied by every young-generation collection
 * that ran meanwhile.
 *
 * A notebook with trust markers (see @tutor/shared/notebook-trust) is not stored as sent: the
 * parsed notebook without them is. Rare: JupyterLab marks every cell it runs, but our lab's bridge
 * removes the marks from the notebook it hands out to be saved.
 */
export function notebookPayloadOf(
  request: FastifyRequest,
  notebook: Notebook | undefined,
  database: DatabaseHandle['kind'],
): NotebookPayload | undefined {
  if (notebook === undefined) return undefined;
  const utf8 = jsonBodyOf(request);
  if (utf8 === undefined || hasTrustMarkers(notebook))
    return parsedNotebookPayload(withoutTrustMarkers(notebook));
  request.body = undefined;
  return bodyBytesPayload(database, utf8);
}
