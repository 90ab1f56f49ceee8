import { isAscii } from 'node:buffer';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';

/**
 * The bytes of request bodies, kept beside the parsed body. A save stores the notebook as the
 * client sent it (PostgreSQL takes `notebook_state` out of these bytes) instead of serialising the
 * parsed object again: JSON.stringify of a 2 MB notebook costs milliseconds of the server's only
 * thread, and a copy of it for the collector.
 */
const bodies = new WeakMap<FastifyRequest, Buffer>();

export const jsonBodyOf = (request: FastifyRequest): Buffer | undefined => bodies.get(request);

export type ParserDone = (error: Error | null, body?: unknown) => void;

const hasOwn = (value: object, key: string) => Object.prototype.hasOwnProperty.call(value, key);

/**
 * Whether `node` (an object JSON.parse made) has a key that could reach a prototype once the
 * object is copied by assignment: `__proto__`, or `constructor` holding an object that has a
 * `prototype` (the keys Fastify's default JSON parser refuses too).
 */
function prototypeKey(node: object): boolean {
  if (hasOwn(node, '__proto__')) return true;
  if (!hasOwn(node, 'constructor')) return false;
  const constructor = (node as { constructor: unknown }).constructor;
  return (
    typeof constructor === 'object' && constructor !== null && hasOwn(constructor, 'prototype')
  );
}

/**
 * Walks everything `value` holds once, without recursion: -1 when any object in it has a
 * prototype key (see prototypeKey), else how deeply it nests objects and arrays (0 for a scalar).
 */
export function inspectParsedJson(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const nodes: object[] = [value];
  const levels: number[] = [1];
  let deepest = 1;
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const level = levels.pop()!;
    if (level > deepest) deepest = level;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const item: unknown = node[i];
        if (item !== null && typeof item === 'object') {
          nodes.push(item);
          levels.push(level + 1);
        }
      }
      continue;
    }
    if (prototypeKey(node)) return -1;
    for (const key in node) {
      const item: unknown = (node as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') {
        nodes.push(item);
        levels.push(level + 1);
      }
    }
  }
  return deepest;
}

/**
 * Parses a JSON body and keeps its bytes. A UTF-8 byte order mark, which the parser skips, is left
 * out of the kept bytes too: they are the JSON text exactly.
 *
 * The same answers as Fastify's default JSON parser (400 for an empty body, for invalid JSON and
 * for a body with a prototype key), at less cost: JSON.parse, then one walk over the result that
 * looks for prototype keys (instead of running two regular expressions over the whole text and
 * walking it again when they match). JSON.parse itself never sets a prototype (a `"__proto__"` key becomes an own property);
 * the walk refuses such keys because code copying the object by assignment later would.
 */
export function parseKeepingBytes(request: FastifyRequest, utf8: Buffer, done: ParserDone): void {
  const json = utf8[0] === 0xef && utf8[1] === 0xbb && utf8[2] === 0xbf ? utf8.subarray(3) : utf8;
  if (json.length === 0) {
    done(new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY());
    return;
  }
  let text = bodyText(json);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY());
    return;
  }
  if (inspectParsedJson(body) < 0) {
    done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY());
    return;
  }
  bodies.set(request, json);
  done(null, body);
}

/**
 * A request body's text. Notebooks are nearly always ASCII: then the bytes are the characters, and
 * copying them (latin1) is several times cheaper than decoding UTF-8. Invalid UTF-8 becomes U+FFFD.
 */
export const bodyText = (body: Buffer): string => body.toString(isAscii(body) ? 'latin1' : 'utf8');

/** In this plugin's scope, application/json bodies are parsed as usual and their bytes kept. */
export function keepJsonBody(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) =>
    parseKeepingBytes(request, body as Buffer, done),
  );
}
