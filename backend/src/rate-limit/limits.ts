import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tooManyRequests } from '../errors/app-error';

/**
 * Rate limits on top of @fastify/rate-limit, so every counter lives in its one store: Redis when
 * REDIS_URL is set (shared by all instances), otherwise an in-process LRU. Both kinds answer with
 * the one error format, a 429 with Retry-After.
 */

const retryAfterSeconds = (ttlMs: number) => Math.max(1, Math.ceil(ttlMs / 1000));

/** Route `config` for a per-client-IP limit (runs onRequest, before the body is parsed). */
export function perIpRouteLimit(max: number, windowMs: number): { rateLimit: RateLimitOptions } {
  return {
    rateLimit: {
      max,
      timeWindow: windowMs,
      errorResponseBuilder: (_request, context) => tooManyRequests(retryAfterSeconds(context.ttl)),
    },
  };
}

export interface KeyedLimitOptions {
  /** Namespaces the keys, so two limiters never share a counter. */
  name: string;
  max: number;
  windowMs: number;
  /** The key a request counts against (e.g. the normalised email of its body). */
  key(request: FastifyRequest): string;
}

/**
 * A limiter keyed by something other than the IP, called from a handler once the input is valid.
 * It counts the attempt and throws a 429 once `max` attempts fall within the window.
 */
export function createKeyedLimit(
  app: FastifyInstance,
  options: KeyedLimitOptions,
): (request: FastifyRequest) => Promise<void> {
  const check = app.createRateLimit({
    max: options.max,
    timeWindow: options.windowMs,
    keyGenerator: (request) => `${options.name}:${options.key(request)}`,
  });
  return async (request) => {
    const result = await check(request);
    if (!result.isAllowed && result.isExceeded)
      throw tooManyRequests(retryAfterSeconds(result.ttl));
  };
}
