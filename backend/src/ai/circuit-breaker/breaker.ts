import { randomUUID } from 'node:crypto';
import type {
  BreakerLogger,
  BreakerPass,
  BreakerRecord,
  BreakerSettings,
  BreakerStateName,
  BreakerStore,
  ProviderBreaker,
} from './types';

/** Failures older than this are forgotten: "consecutive" means within one outage. */
export const FAILURE_MEMORY_MS = 10 * 60_000;

export function stateOf(record: BreakerRecord, now: number): BreakerStateName {
  if (record.openUntil === null) return 'closed';
  return now < record.openUntil ? 'open' : 'half_open';
}

interface BreakerContext {
  providerId: string;
  store: BreakerStore;
  settings: BreakerSettings;
  log: BreakerLogger;
  now: () => number;
}

/**
 * One provider's breaker: closed → open after `failures` consecutive failed turns → after the
 * cool-down half-open, where exactly one probe request (one lease in the store) goes to the
 * provider while every other turn skips it → closed when the probe answers, open again when it
 * fails. State changes are logged with the provider id only.
 */
export function createCircuitBreaker(
  providerId: string,
  store: BreakerStore,
  settings: BreakerSettings,
  log: BreakerLogger,
  now: () => number = Date.now,
): ProviderBreaker {
  const context: BreakerContext = { providerId, store, settings, log, now };
  return {
    providerId,
    async admit() {
      const record = await store.read(providerId);
      const state = stateOf(record, now());
      if (state === 'closed') return settledOnce(closedPass(context, record.failures));
      if (state === 'open') return null;
      const lease = randomUUID();
      if (!(await store.acquireProbe(providerId, lease, settings.probeLeaseMs))) return null;
      log.info(
        { provider: providerId },
        'LLM circuit breaker half-open: one probe request goes to the provider',
      );
      return settledOnce(probePass(context, lease));
    },
    async snapshot() {
      const record = await store.read(providerId);
      return { providerId, state: stateOf(record, now()), ...record };
    },
  };
}

/** Opens (or, with `replace`, re-opens) the breaker for one cool-down from now. */
async function openFor(context: BreakerContext, replace: boolean) {
  const { providerId, store, settings, now } = context;
  const openUntil = now() + settings.cooldownMs;
  const ttlMs = settings.cooldownMs + FAILURE_MEMORY_MS;
  const opened = await store.open(providerId, openUntil, ttlMs, replace);
  return { opened, openUntil: new Date(openUntil).toISOString() };
}

/** A regular turn while closed; `failuresSeen` when it was admitted (no write when 0 and fine). */
function closedPass(context: BreakerContext, failuresSeen: number): BreakerPass {
  const { providerId, store, settings, log } = context;
  return {
    probe: false,
    async answered() {
      if (failuresSeen > 0) await store.clearFailures(providerId);
    },
    async failed() {
      const failures = await store.addFailure(providerId, FAILURE_MEMORY_MS);
      if (failures < settings.failures) return;
      // Several turns (or instances) may cross the threshold at once: one opens it and logs.
      const { opened, openUntil } = await openFor(context, false);
      if (opened)
        log.warn(
          { provider: providerId, failures, open_until: openUntil },
          'LLM circuit breaker open: the provider is skipped for the cool-down',
        );
    },
    async abandoned() {},
    async stillClosed() {
      return (await store.read(providerId)).openUntil === null;
    },
  };
}

/** The one request that tries a half-open provider, holding the probe lease. */
function probePass(context: BreakerContext, lease: string): BreakerPass {
  const { providerId, store, log } = context;
  return {
    probe: true,
    async answered() {
      await store.close(providerId);
      await store.releaseProbe(providerId, lease);
      log.info({ provider: providerId }, 'LLM circuit breaker closed: the probe was answered');
    },
    async failed() {
      const failures = await store.addFailure(providerId, FAILURE_MEMORY_MS);
      const { openUntil } = await openFor(context, true);
      await store.releaseProbe(providerId, lease);
      log.warn(
        { provider: providerId, failures, open_until: openUntil },
        'LLM circuit breaker open again: the probe failed',
      );
    },
    async abandoned() {
      await store.releaseProbe(providerId, lease);
    },
    stillClosed: async () => false,
  };
}

/** A pass whose first verdict counts; later ones are ignored. */
function settledOnce(pass: BreakerPass): BreakerPass {
  let settled = false;
  const once = (verdict: () => Promise<void>) => async () => {
    if (settled) return;
    settled = true;
    await verdict();
  };
  return {
    probe: pass.probe,
    answered: once(pass.answered),
    failed: once(pass.failed),
    abandoned: once(pass.abandoned),
    stillClosed: pass.stillClosed,
  };
}
