import type { FastifyServerOptions } from 'fastify';
import type { Env } from '../config/env';
import { serializeError } from './error-serializer';

/** Query parameters whose values never reach a log line. */
const secretQueryParams = /([?&](?:token|access_token|refresh_token|api_key|key)=)[^&#]*/gi;

export function redactUrl(url: string): string {
  return url.replace(secretQueryParams, '$1[REDACTED]');
}

/** Paths pino blanks out wherever they appear in a logged object. */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.current_password',
  '*.new_password',
  '*.password_hash',
  '*.passwordHash',
  '*.token',
  '*.access_token',
  '*.refresh_token',
  '*.apiKey',
  '*.api_key',
  'password',
  'token',
  'apiKey',
];

export function loggerOptions(env: Env): FastifyServerOptions['logger'] {
  const pretty = !env.LOG_FILE && (env.LOG_PRETTY ?? process.stdout.isTTY);
  return {
    level: env.LOG_LEVEL,
    redact: { paths: redactPaths, censor: '[REDACTED]' },
    serializers: {
      // Errors keep their kind, message, frames and codes; never query parameters or row values.
      err: serializeError,
      error: serializeError,
      req(request: { method: string; url: string; ip?: string; headers?: Record<string, unknown> }) {
        return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
      },
    },
    ...(env.LOG_FILE ? { file: env.LOG_FILE } : {}),
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }
      : {}),
  };
}
