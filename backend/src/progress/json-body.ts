import { isAscii } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The bytes of request bodies, kept beside the parsed body. A save stores the notebook as the
 * client sent it (PostgreSQL takes `notebook_state` out of these bytes) instead of serialising the
 * parsed object again: JSON.stringify of a 2 MB notebook costs milliseconds of the server's only
 * thread, and a copy of it for the collector.
 */
const bodies = new WeakMap<FastifyRequest, Buffer>();

export const jsonBodyOf = (request: FastifyRequest): Buffer | undefined => bodies.get(request);

type JsonParser = ReturnType<FastifyInstance['getDefaultJsonParser']>;
export type ParserDone = NonNullable<Parameters<JsonParser>[2]>;

/**
 * Parses a JSON body with the app's JSON parser and keeps its bytes. A UTF-8 byte order mark, which
 * the parser skips, is left out of the kept bytes too: they are the JSON text exactly.
 */
export function parseKeepingBytes(
  parseJson: JsonParser,
  request: FastifyRequest,
  utf8: Buffer,
  done: ParserDone,
): void {
  const json = utf8[0] === 0xef && utf8[1] === 0xbb && utf8[2] === 0xbf ? utf8.subarray(3) : utf8;
  bodies.set(request, json);
  parseJson(request, bodyText(json), done);
}

/**
 * A request body's text. Notebooks are nearly always ASCII: then the bytes are the characters, and
 * copying them (latin1) is several times cheaper than decoding UTF-8. Invalid UTF-8 becomes U+FFFD.
 */
export const bodyText = (body: Buffer): string => body.toString(isAscii(body) ? 'latin1' : 'utf8');

/** In this plugin's scope, application/json bodies are parsed as usual and their bytes kept. */
export function keepJsonBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) =>
    parseKeepingBytes(parseJson, request, body as Buffer, done),
  );
}
