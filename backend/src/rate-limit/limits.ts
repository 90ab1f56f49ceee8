import { normalizeIP, type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tooManyRequests } from '../errors/app-error';

/**
 * Rate limits on top of @fastify/rate-limit, so every counter lives in its one store (store.ts):
 * Redis when REDIS_URL is set (shared by all instances; counted locally while Redis fails),
 * otherwise an in-process LRU. Both kinds answer with the one error format, a 429 with Retry-After.
 */

const retryAfterSeconds = (ttlMs: number) => Math.max(1, Math.ceil(ttlMs / 1000));

/** The 429 to answer when the window that refuses a request ends in `ttlMs`. */
export const tooManyRequestsFor = (ttlMs: number) => tooManyRequests(retryAfterSeconds(ttlMs));

/**
 * The client's address as the per-IP limits count it: an IPv6 address by its /64, which one
 * client usually holds whole (counting single addresses would give it 2^64 fresh ones).
 */
export const clientAddress = (request: FastifyRequest) => normalizeIP(request.ip, 64);

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

/**
 * Keys the in-process store of a keyed limiter keeps (its LRU forgets the oldest beyond that; the
 * library's default of 5000 would let a client sending many distinct emails push an account's
 * count out). Not in the plugin's types, but each limiter's store takes its size from its options.
 */
const inProcessCapacity = { cache: 100_000 };

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
    ...inProcessCapacity,
  });
  return async (request) => {
    const result = await check(request);
    if (!result.isAllowed && result.isExceeded)
      throw tooManyRequests(retryAfterSeconds(result.ttl));
  };
}

export interface KeyedCounterOptions {
  /** Namespaces the keys, so two counters never share one. */
  name: string;
  windowMs: number;
  key(request: FastifyRequest): string;
}

export interface CounterState {
  /** Events counted in the current window (0 when none). */
  count: number;
  /** Milliseconds until the current window ends (0 when none). */
  ttlMs: number;
}

/** A count of events per key in a fixed window, for limits that decide on more than one count. */
export interface KeyedCounter {
  /** Counts one event and returns the state after it. */
  hit(request: FastifyRequest): Promise<CounterState>;
  /** The state without counting (shared by every instance when the store is Redis). */
  peek(request: FastifyRequest): Promise<CounterState>;
}

/** Large enough never to be reached: a counter reports counts and does not refuse by itself. */
const COUNTER_MAX = 1_000_000_000;

export function createKeyedCounter(
  app: FastifyInstance,
  options: KeyedCounterOptions,
): KeyedCounter {
  const counter = app.createRateLimit({
    max: COUNTER_MAX,
    timeWindow: options.windowMs,
    keyGenerator: (request) => `${options.name}:${options.key(request)}`,
    ...inProcessCapacity,
  });
  const stateOf = (result: Awaited<ReturnType<typeof counter>>): CounterState =>
    // An allow-listed key (none here) reports nothing.
    result.isAllowed
      ? { count: 0, ttlMs: 0 }
      : { count: COUNTER_MAX - result.remaining, ttlMs: result.ttl };
  return {
    hit: async (request) => stateOf(await counter(request)),
    peek: async (request) => stateOf(await counter(request, { increment: false })),
  };
}
