import type {
  FastifyRateLimitOptions,
  FastifyRateLimitStore,
  FastifyRateLimitStoreCtor,
} from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { SharedRedis } from './shared-redis';

/**
 * The store of every @fastify/rate-limit counter (per-IP route limits, keyed limits, counters):
 * fixed windows in Redis through `SharedRedis` (so a Redis error counts locally instead of
 * failing the request), in an in-process LRU without it.
 */

interface WindowState {
  current: number;
  ttl: number;
}

type Callback = (error: Error | null, result?: WindowState) => void;

// Atomic: the first hit of a window starts its expiry. A key left without one (should an expiry
// ever be lost) gets the window again rather than counting forever.
const HIT_SCRIPT = `
local current = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if current == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}
`;

const READ_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if not current then return {0, 0} end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then ttl = 0 end
return {tonumber(current), ttl}
`;

type CountingRedis = Redis & {
  rateLimitHit(key: string, windowMs: number): Promise<[number, number]>;
  rateLimitPeek(key: string): Promise<[number, number]>;
};

function countingRedis(redis: Redis): CountingRedis {
  if (!('rateLimitHit' in redis)) {
    redis.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    redis.defineCommand('rateLimitPeek', { numberOfKeys: 1, lua: READ_SCRIPT });
  }
  return redis as CountingRedis;
}

interface LocalWindow {
  current: number;
  startedAt: number;
}

/** What the plugin passes to `child` (its types say route options, it passes merged limit options). */
interface RouteLimitOptions {
  routeInfo?: { method?: string; url?: string };
  /** The limiter's `cache` option: keys its local LRU keeps. */
  cache?: number;
}

/** Keys a local store keeps by default (the LRU forgets the oldest beyond that). */
const DEFAULT_CAPACITY = 5000;

class SharedWindowStore implements FastifyRateLimitStore {
  private readonly local: LRUCache<string, LocalWindow>;

  constructor(
    private readonly shared: SharedRedis,
    private readonly namespace: string,
    capacity: number,
  ) {
    // Bounded by maxSize (one unit a key), not max: with max, lru-cache allocates its arrays for
    // every key up front (2.3 MB for each limiter of 100 000 keys, held from start-up).
    this.local = new LRUCache({ maxSize: capacity, sizeCalculation: () => 1 });
  }

  incr(key: string, callback: Callback, windowMs: number): void {
    this.settle(
      callback,
      this.shared.run(
        async (redis) => {
          const [current, ttl] = await countingRedis(redis).rateLimitHit(
            this.redisKey(key),
            windowMs,
          );
          return { current, ttl };
        },
        () => this.hitLocally(key, windowMs),
      ),
    );
  }

  read(key: string, callback: Callback, windowMs: number): void {
    this.settle(
      callback,
      this.shared.run(
        async (redis) => {
          const [current, ttl] = await countingRedis(redis).rateLimitPeek(this.redisKey(key));
          return { current, ttl };
        },
        () => this.readLocally(key, windowMs),
      ),
    );
  }

  /** A route's limit, or a limiter made by createRateLimit (no route: the name is in its keys). */
  child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): SharedWindowStore {
    const { routeInfo, cache } = routeOptions as unknown as RouteLimitOptions;
    const route = routeInfo ?? {};
    return new SharedWindowStore(
      this.shared,
      `${this.namespace}${route.method ?? ''}${route.url ?? ''}:`,
      cache ?? DEFAULT_CAPACITY,
    );
  }

  private redisKey(key: string): string {
    return `rate-limit:${this.namespace}${key}`;
  }

  private hitLocally(key: string, windowMs: number): WindowState {
    const now = Date.now();
    const window = this.local.get(key);
    if (!window || window.startedAt + windowMs <= now) {
      this.local.set(key, { current: 1, startedAt: now });
      return { current: 1, ttl: windowMs };
    }
    window.current += 1;
    return { current: window.current, ttl: window.startedAt + windowMs - now };
  }

  private readLocally(key: string, windowMs: number): WindowState {
    const now = Date.now();
    const window = this.local.peek(key);
    if (!window || window.startedAt + windowMs <= now) return { current: 0, ttl: 0 };
    return { current: window.current, ttl: window.startedAt + windowMs - now };
  }

  private settle(callback: Callback, result: Promise<WindowState>): void {
    result.then(
      (state) => callback(null, state),
      (error: Error) => callback(error),
    );
  }
}

/** The `store` option of @fastify/rate-limit: every limiter of the app counts through `shared`. */
export function sharedRateLimitStore(shared: SharedRedis): FastifyRateLimitStoreCtor {
  return class extends SharedWindowStore {
    constructor(options: FastifyRateLimitOptions) {
      super(shared, '', (options as { cache?: number }).cache ?? DEFAULT_CAPACITY);
    }
  };
}
