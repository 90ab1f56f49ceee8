import type { BreakerRecord, BreakerStore } from './types';

interface Expiring<T> {
  value: T;
  expiresAt: number;
}

/** The breakers' state in this process: the store without Redis, and the fallback when it errors. */
export function createMemoryBreakerStore(now: () => number = Date.now): BreakerStore {
  const failures = new Map<string, Expiring<number>>();
  const openUntil = new Map<string, Expiring<number>>();
  const probes = new Map<string, Expiring<string>>();
  const live = <T>(map: Map<string, Expiring<T>>, key: string): T | undefined => {
    const entry = map.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > now()) return entry.value;
    map.delete(key);
    return undefined;
  };

  return {
    async read(id): Promise<BreakerRecord> {
      return { failures: live(failures, id) ?? 0, openUntil: live(openUntil, id) ?? null };
    },
    async addFailure(id, ttlMs) {
      const count = (live(failures, id) ?? 0) + 1;
      failures.set(id, { value: count, expiresAt: now() + ttlMs });
      return count;
    },
    async clearFailures(id) {
      failures.delete(id);
    },
    async open(id, until, ttlMs, replace) {
      if (!replace && live(openUntil, id) !== undefined) return false;
      openUntil.set(id, { value: until, expiresAt: now() + ttlMs });
      return true;
    },
    async close(id) {
      failures.delete(id);
      openUntil.delete(id);
    },
    async acquireProbe(id, owner, ttlMs) {
      if (live(probes, id) !== undefined) return false;
      probes.set(id, { value: owner, expiresAt: now() + ttlMs });
      return true;
    },
    async releaseProbe(id, owner) {
      if (live(probes, id) === owner) probes.delete(id);
    },
  };
}
