import type { BreakerLogger, BreakerStore } from './types';

/**
 * The shared store, or the local one for any step the shared store fails (Redis unreachable or
 * slow): a turn never fails because Redis blinked. The switch is logged once each way.
 */
export function sharedWithLocalFallback(
  shared: BreakerStore,
  local: BreakerStore,
  log: BreakerLogger,
): BreakerStore {
  let sharedDown = false;
  async function run<T>(step: (store: BreakerStore) => Promise<T>): Promise<T> {
    try {
      const result = await step(shared);
      if (sharedDown) {
        sharedDown = false;
        log.info({}, 'LLM circuit breakers: Redis answers again, state shared again');
      }
      return result;
    } catch (error) {
      if (!sharedDown) {
        sharedDown = true;
        log.warn(
          { err: error instanceof Error ? error.message : String(error) },
          'LLM circuit breakers: Redis failed, keeping the state in this instance meanwhile',
        );
      }
      return step(local);
    }
  }
  return {
    read: (id) => run((store) => store.read(id)),
    addFailure: (id, ttlMs) => run((store) => store.addFailure(id, ttlMs)),
    clearFailures: (id) => run((store) => store.clearFailures(id)),
    open: (id, until, ttlMs, replace) => run((store) => store.open(id, until, ttlMs, replace)),
    close: (id) => run((store) => store.close(id)),
    acquireProbe: (id, owner, ttlMs) => run((store) => store.acquireProbe(id, owner, ttlMs)),
    releaseProbe: (id, owner) => run((store) => store.releaseProbe(id, owner)),
  };
}
