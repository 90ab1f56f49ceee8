import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * The JSON text of request bodies, kept beside the parsed body. A save stores the notebook as
 * the client sent it (PostgreSQL takes `notebook_state` out of this text) instead of serialising
 * the parsed object again: JSON.stringify of a 2 MB notebook costs milliseconds of the server's
 * only thread, and a copy of it for the collector.
 */
const texts = new WeakMap<FastifyRequest, string>();

export const jsonTextOf = (request: FastifyRequest): string | undefined => texts.get(request);

export function rememberJsonText(request: FastifyRequest, text: string): void {
  texts.set(request, text);
}

/** In this plugin's scope, application/json bodies are parsed as usual and their text kept. */
export function keepJsonText(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    rememberJsonText(request, body as string);
    parseJson(request, body as string, done);
  });
}
