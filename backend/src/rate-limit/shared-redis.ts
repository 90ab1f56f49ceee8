import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';

/**
 * The one way limits and budgets use Redis: the shared count when REDIS_URL is set and Redis
 * answers, this instance's own count otherwise. A limit must never fail a request or a turn
 * because Redis blinked, so an error, a slow answer (over COMMAND_TIMEOUT_MS) or a connection that
 * is down falls back to the local count; the outage is logged once, and its end once.
 * During an outage each instance counts alone (the limits hold per instance).
 */

/** How long a limit waits for Redis before counting locally. */
export const COMMAND_TIMEOUT_MS = 250;

const USABLE = new Set(['ready', 'connect', 'connecting']);

export class SharedRedis {
  private outageLogged = false;

  constructor(
    /** Undefined without REDIS_URL: everything is counted locally, silently. */
    readonly redis: Redis | undefined,
    private readonly log: FastifyBaseLogger,
  ) {
    // ioredis reports every failed reconnect as an 'error' event (printed when nobody listens).
    redis?.on('error', (error: Error) => this.outage(error));
    redis?.on('ready', () => {
      if (!this.outageLogged) return;
      this.outageLogged = false;
      this.log.info('Redis answers again: limits are shared between instances again');
    });
  }

  /** `shared(redis)` when Redis is there and answers in time, else `local()`. */
  async run<T>(shared: (redis: Redis) => Promise<T>, local: () => T | Promise<T>): Promise<T> {
    const redis = this.redis;
    // Down (between reconnect attempts, or closed): local at once. Connecting: the command waits
    // in ioredis's queue, at most the timeout.
    if (!redis || !USABLE.has(redis.status)) return local();
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        shared(redis),
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(
            () => reject(new Error(`Redis did not answer within ${COMMAND_TIMEOUT_MS} ms`)),
            COMMAND_TIMEOUT_MS,
          );
        }),
      ]);
    } catch (error) {
      this.outage(error as Error);
      return local();
    } finally {
      clearTimeout(timer);
    }
  }

  private outage(error: Error): void {
    if (this.outageLogged) return;
    this.outageLogged = true;
    this.log.warn(
      { err: error },
      'Redis failed: each instance counts limits on its own until it answers again',
    );
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Decorated in app.ts, before the rate-limit plugin: the limits' and budgets' Redis. */
    sharedRedis: SharedRedis;
  }
}
