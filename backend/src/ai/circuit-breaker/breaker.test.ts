import { describe, expect, it } from 'vitest';
import type { LlmProvider } from '../types';
import { createCircuitBreaker, FAILURE_MEMORY_MS } from './breaker';
import { createProviderBreakers } from './index';
import { createMemoryBreakerStore } from './memory-store';
import type { BreakerPass, BreakerSettings, ProviderBreaker } from './types';

const SETTINGS: BreakerSettings = { failures: 3, cooldownMs: 30_000, probeLeaseMs: 20_000 };

function setup(settings = SETTINGS) {
  const clock = { now: 1_000_000 };
  const now = () => clock.now;
  const logs: { level: 'info' | 'warn'; object: object; message: string }[] = [];
  const log = {
    info: (object: object, message: string) => logs.push({ level: 'info', object, message }),
    warn: (object: object, message: string) => logs.push({ level: 'warn', object, message }),
  };
  const store = createMemoryBreakerStore(now);
  const breaker = createCircuitBreaker('openai:gpt-test', store, settings, log, now);
  return { clock, logs, store, breaker, log, now };
}

async function failTurns(breaker: ProviderBreaker, count: number) {
  for (let i = 0; i < count; i++) await (await admitted(breaker)).failed();
}

async function admitted(breaker: ProviderBreaker): Promise<BreakerPass> {
  const pass = await breaker.admit();
  if (pass === null) throw new Error('expected the breaker to admit the request');
  return pass;
}

describe('circuit breaker', () => {
  it('stays closed below the threshold, and an answer clears the failures', async () => {
    const { breaker } = setup();
    await failTurns(breaker, 2);
    expect(await breaker.snapshot()).toMatchObject({ state: 'closed', failures: 2 });
    await (await admitted(breaker)).answered();
    await failTurns(breaker, 2);
    expect(await breaker.snapshot()).toMatchObject({ state: 'closed', failures: 2 });
  });

  it('opens after N consecutive failed turns and skips the provider for the cool-down', async () => {
    const { breaker, clock, logs } = setup();
    await failTurns(breaker, 3);
    expect(await breaker.snapshot()).toEqual({
      providerId: 'openai:gpt-test',
      state: 'open',
      failures: 3,
      openUntil: clock.now + 30_000,
    });
    expect(await breaker.admit()).toBeNull();
    clock.now += 29_999;
    expect(await breaker.admit()).toBeNull();
    expect(logs).toEqual([
      {
        level: 'warn',
        object: {
          provider: 'openai:gpt-test',
          failures: 3,
          open_until: new Date(clock.now + 1).toISOString(),
        },
        message: 'LLM circuit breaker open: the provider is skipped for the cool-down',
      },
    ]);
  });

  it('logs the opening once when several turns cross the threshold together', async () => {
    const { breaker, logs } = setup();
    await failTurns(breaker, 2);
    const passes = [await admitted(breaker), await admitted(breaker), await admitted(breaker)];
    await Promise.all(passes.map((pass) => pass.failed()));
    expect(await breaker.snapshot()).toMatchObject({ state: 'open', failures: 5 });
    expect(logs.filter((entry) => entry.level === 'warn')).toHaveLength(1);
  });

  it('after the cool-down lets exactly one probe through, and closes when it is answered', async () => {
    const { breaker, clock, logs } = setup();
    await failTurns(breaker, 3);
    clock.now += 30_000;
    expect((await breaker.snapshot()).state).toBe('half_open');
    const probe = await admitted(breaker);
    expect(probe.probe).toBe(true);
    expect(await probe.stillClosed()).toBe(false);
    expect(await breaker.admit()).toBeNull(); // another turn meanwhile skips it
    await probe.answered();
    expect(await breaker.snapshot()).toEqual({
      providerId: 'openai:gpt-test',
      state: 'closed',
      failures: 0,
      openUntil: null,
    });
    expect((await admitted(breaker)).probe).toBe(false);
    expect(logs.map((entry) => [entry.level, entry.message])).toEqual([
      ['warn', 'LLM circuit breaker open: the provider is skipped for the cool-down'],
      ['info', 'LLM circuit breaker half-open: one probe request goes to the provider'],
      ['info', 'LLM circuit breaker closed: the probe was answered'],
    ]);
    expect(logs.every((entry) => Object.keys(entry.object).includes('provider'))).toBe(true);
  });

  it('opens again for a whole cool-down when the probe fails', async () => {
    const { breaker, clock, logs } = setup();
    await failTurns(breaker, 3);
    clock.now += 30_000;
    await (await admitted(breaker)).failed();
    expect(await breaker.snapshot()).toMatchObject({
      state: 'open',
      failures: 4,
      openUntil: clock.now + 30_000,
    });
    expect(logs.at(-1)?.message).toBe('LLM circuit breaker open again: the probe failed');
    clock.now += 29_999;
    expect(await breaker.admit()).toBeNull();
    clock.now += 1;
    expect((await admitted(breaker)).probe).toBe(true); // the lease was given back
  });

  it('gives the probe lease back when the probe is abandoned, and takes it over once expired', async () => {
    const { breaker, clock } = setup();
    await failTurns(breaker, 3);
    clock.now += 30_000;
    await (await admitted(breaker)).abandoned();
    const stuck = await admitted(breaker); // its instance dies: no verdict ever
    expect(stuck.probe).toBe(true);
    clock.now += SETTINGS.probeLeaseMs - 1;
    expect(await breaker.admit()).toBeNull();
    clock.now += 1;
    expect((await admitted(breaker)).probe).toBe(true);
  });

  it('counts only the first verdict of a pass', async () => {
    const { breaker } = setup();
    const pass = await admitted(breaker);
    await pass.failed();
    await pass.failed();
    await pass.answered();
    expect((await breaker.snapshot()).failures).toBe(1);
  });

  it('forgets failures after a quiet spell', async () => {
    const { breaker, clock } = setup();
    await failTurns(breaker, 2);
    clock.now += FAILURE_MEMORY_MS;
    await failTurns(breaker, 1);
    expect(await breaker.snapshot()).toMatchObject({ state: 'closed', failures: 1 });
  });

  it('stops a retry once the breaker has opened meanwhile', async () => {
    const { breaker } = setup();
    const slow = await admitted(breaker);
    expect(await slow.stillClosed()).toBe(true);
    await failTurns(breaker, 3);
    expect(await slow.stillClosed()).toBe(false);
  });
});

describe('provider breakers', () => {
  const provider = (id: string, offline = false): LlmProvider => ({
    id,
    label: id,
    offline,
    stream: async function* () {},
  });
  const log = { info() {}, warn() {} };

  it('gives each online provider a breaker, the offline tutor none', async () => {
    const breakers = createProviderBreakers(
      [provider('a'), provider('b'), provider('offline', true)],
      {
        settings: SETTINGS,
        log,
      },
    );
    expect(breakers.forProvider('offline')).toBeUndefined();
    expect((await breakers.snapshots()).map((snapshot) => snapshot.providerId)).toEqual(['a', 'b']);
  });

  it('has no breakers when LLM_BREAKER_FAILURES is 0', async () => {
    const breakers = createProviderBreakers([provider('a')], {
      settings: { ...SETTINGS, failures: 0 },
      log,
    });
    expect(breakers.forProvider('a')).toBeUndefined();
    expect(await breakers.snapshots()).toEqual([]);
  });
});
