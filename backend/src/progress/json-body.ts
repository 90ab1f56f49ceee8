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

export function rememberJsonBody(request: FastifyRequest, utf8: Buffer): void {
  bodies.set(request, utf8);
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
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    rememberJsonBody(request, body as Buffer);
    parseJson(request, bodyText(body as Buffer), done);
  });
}
