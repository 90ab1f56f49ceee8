import type { Redis } from 'ioredis';
import type { LlmProvider } from '../types';
import { createCircuitBreaker } from './breaker';
import { sharedWithLocalFallback } from './fallback-store';
import { createMemoryBreakerStore } from './memory-store';
import { createRedisBreakerStore } from './redis-store';
import type { BreakerLogger, BreakerSettings, ProviderBreaker, ProviderBreakers } from './types';

export type * from './types';
export { connectBreakerRedis } from './redis-store';

export const DEFAULT_BREAKER_KEY_PREFIX = 'llm-breaker:';

export interface ProviderBreakersOptions {
  settings: BreakerSettings;
  log: BreakerLogger;
  /** Shares the state between instances; without it the state lives in this process. */
  redis?: Redis;
  keyPrefix?: string;
  now?: () => number;
}

/**
 * A breaker for each online provider (the offline tutor never fails, so it has none). With
 * `settings.failures` 0 the breakers are off and every provider is always tried.
 */
export function createProviderBreakers(
  providers: LlmProvider[],
  options: ProviderBreakersOptions,
): ProviderBreakers {
  const now = options.now ?? Date.now;
  const local = createMemoryBreakerStore(now);
  const store = options.redis
    ? sharedWithLocalFallback(
        createRedisBreakerStore(options.redis, options.keyPrefix ?? DEFAULT_BREAKER_KEY_PREFIX),
        local,
        options.log,
      )
    : local;
  const breakers = new Map<string, ProviderBreaker>();
  if (options.settings.failures > 0) {
    for (const provider of providers) {
      if (provider.offline) continue;
      breakers.set(
        provider.id,
        createCircuitBreaker(provider.id, store, options.settings, options.log, now),
      );
    }
  }
  return {
    forProvider: (providerId) => breakers.get(providerId),
    snapshots: () => Promise.all([...breakers.values()].map((breaker) => breaker.snapshot())),
  };
}
