import { Redis } from 'ioredis';
import type { BreakerRecord, BreakerStore } from './types';

/** Deletes the probe lease only if the caller still holds it (another may have taken it since). */
const RELEASE_IF_OWNER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

/**
 * A client for the breakers: commands fail at once while Redis is unreachable (no offline queue,
 * a short command timeout), so a turn falls back to the local state instead of waiting.
 */
export function connectBreakerRedis(url: string): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 500,
  });
  // Failed commands are reported by the fallback store; the connection's own errors are noise.
  redis.on('error', () => {});
  return redis;
}

/**
 * The breakers' state in Redis, shared by every instance: `<prefix><provider>:failures` (INCR,
 * forgotten after a quiet spell), `:open-until` (epoch ms, SET NX so one instance opens it) and
 * `:probe` (the half-open lease, SET NX PX). All keys carry TTLs.
 */
export function createRedisBreakerStore(redis: Redis, keyPrefix: string): BreakerStore {
  const keys = (id: string) => ({
    failures: `${keyPrefix}${id}:failures`,
    openUntil: `${keyPrefix}${id}:open-until`,
    probe: `${keyPrefix}${id}:probe`,
  });
  return {
    async read(id): Promise<BreakerRecord> {
      const key = keys(id);
      const [failures, openUntil] = await redis.mget(key.failures, key.openUntil);
      return {
        failures: failures ? Number(failures) : 0,
        openUntil: openUntil ? Number(openUntil) : null,
      };
    },
    async addFailure(id, ttlMs) {
      const key = keys(id).failures;
      const results = await redis.multi().incr(key).pexpire(key, ttlMs).exec();
      const [error, count] = results?.[0] ?? [new Error('the Redis transaction was discarded')];
      if (error) throw error;
      return Number(count);
    },
    async clearFailures(id) {
      await redis.del(keys(id).failures);
    },
    async open(id, until, ttlMs, replace) {
      const key = keys(id).openUntil;
      const result = replace
        ? await redis.set(key, String(until), 'PX', ttlMs)
        : await redis.set(key, String(until), 'PX', ttlMs, 'NX');
      return result === 'OK';
    },
    async close(id) {
      const key = keys(id);
      await redis.del(key.failures, key.openUntil);
    },
    async acquireProbe(id, owner, ttlMs) {
      return (await redis.set(keys(id).probe, owner, 'PX', ttlMs, 'NX')) === 'OK';
    },
    async releaseProbe(id, owner) {
      await redis.eval(RELEASE_IF_OWNER, 1, keys(id).probe, owner);
    },
  };
}
