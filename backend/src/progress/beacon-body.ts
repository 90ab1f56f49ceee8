import { gunzipSync } from 'node:zlib';
import type { FastifyRequest } from 'fastify';
import { badRequest, payloadTooLarge } from '../errors/app-error';
import { type ParserDone, parseKeepingBytes } from './json-body';

/**
 * The text/plain parser of the beacon route: JSON, or gzip-compressed JSON (recognised by its
 * magic bytes). Browsers cap a beacon at 64 KiB, and notebooks compress several times over, so
 * the page may send `CompressionStream('gzip')` output as a text/plain Blob. Decompression stops
 * at `maxBytes`, so a small "zip bomb" cannot make the server inflate gigabytes.
 */
export function beaconBodyParser(maxBytes: number) {
  return (request: FastifyRequest, body: Buffer, done: ParserDone) => {
    let json = body;
    if (body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b) {
      try {
        json = gunzipSync(body, { maxOutputLength: maxBytes });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          done(payloadTooLarge('Request body is too large once decompressed'));
        } else {
          done(badRequest('Request body is not valid gzip'));
        }
        return;
      }
    }
    parseKeepingBytes(request, json, done);
  };
}
